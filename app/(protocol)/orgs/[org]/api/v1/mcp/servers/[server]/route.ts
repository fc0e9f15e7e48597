import { handleDeleteServer, handleReadServer, handleUpdateServer } from "@/lib/server/endpoints/handleManagementServers";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleReadServer);
export const PATCH = nextRoute(handleUpdateServer);
export const DELETE = nextRoute(handleDeleteServer);
export const OPTIONS = () => corsPreflight("GET, PATCH, DELETE");
