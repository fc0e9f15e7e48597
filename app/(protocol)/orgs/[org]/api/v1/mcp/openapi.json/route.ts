import { handleManagementOpenApi } from "@/lib/server/endpoints/handleManagementOpenApi";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleManagementOpenApi);
export const OPTIONS = () => corsPreflight("GET");
