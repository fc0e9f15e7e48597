import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleToken } from "@/lib/server/endpoints/handleToken";

export const dynamic = "force-dynamic";
export const POST = nextRoute(handleToken);
export const OPTIONS = () => corsPreflight("POST");
