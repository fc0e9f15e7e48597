import { handleMcpGateway } from "@/lib/server/endpoints/handleMcpGateway";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const POST = nextRoute(handleMcpGateway);
export const GET = nextRoute(handleMcpGateway);
export const DELETE = nextRoute(handleMcpGateway);
export const OPTIONS = () => corsPreflight("POST, GET, DELETE");
