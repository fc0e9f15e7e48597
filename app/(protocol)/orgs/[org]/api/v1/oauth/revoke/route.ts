import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleRevocation } from "@/lib/server/endpoints/handleRevocation";

export const dynamic = "force-dynamic";
export const POST = nextRoute(handleRevocation);
export const OPTIONS = () => corsPreflight("POST");
