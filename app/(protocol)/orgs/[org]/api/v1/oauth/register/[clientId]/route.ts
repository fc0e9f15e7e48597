import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleClientDelete, handleClientRead, handleClientUpdate } from "@/lib/server/endpoints/handleClientConfiguration";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleClientRead);
export const PUT = nextRoute(handleClientUpdate);
export const DELETE = nextRoute(handleClientDelete);
export const OPTIONS = () => corsPreflight("GET, PUT, DELETE");
