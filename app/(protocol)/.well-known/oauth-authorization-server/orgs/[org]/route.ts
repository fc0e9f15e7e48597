import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleAuthorizationServerMetadata } from "@/lib/server/endpoints/handleAuthorizationServerMetadata";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleAuthorizationServerMetadata);
export const OPTIONS = () => corsPreflight("GET");
