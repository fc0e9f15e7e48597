import { handleManagementApiMetadata } from "@/lib/server/endpoints/handleManagementApiMetadata";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleManagementApiMetadata);
export const OPTIONS = () => corsPreflight("GET");
