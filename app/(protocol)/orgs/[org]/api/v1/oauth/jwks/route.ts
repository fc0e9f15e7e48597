import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleJwks } from "@/lib/server/endpoints/handleJwks";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleJwks);
export const OPTIONS = () => corsPreflight("GET");
