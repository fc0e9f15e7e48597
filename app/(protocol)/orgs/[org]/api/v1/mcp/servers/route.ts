import { handleCreateServer, handleListServers } from "@/lib/server/endpoints/handleManagementServers";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleListServers);
export const POST = nextRoute(handleCreateServer);
export const OPTIONS = () => corsPreflight("GET, POST");
