import { handleServerResourceMetadata } from "@/lib/server/endpoints/handleProtectedResourceMetadata";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleServerResourceMetadata);
export const OPTIONS = () => corsPreflight("GET");
