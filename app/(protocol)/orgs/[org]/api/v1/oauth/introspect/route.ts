import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleIntrospection } from "@/lib/server/endpoints/handleIntrospection";

export const dynamic = "force-dynamic";
export const POST = nextRoute(handleIntrospection);
export const OPTIONS = () => corsPreflight("POST");
