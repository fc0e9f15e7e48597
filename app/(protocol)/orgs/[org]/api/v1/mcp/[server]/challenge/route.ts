import { handleResourceChallenge } from "@/lib/server/endpoints/handleResourceChallenge";
import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";

export const dynamic = "force-dynamic";
export const GET = nextRoute(handleResourceChallenge);
export const POST = nextRoute(handleResourceChallenge);
export const OPTIONS = () => corsPreflight("GET, POST");
