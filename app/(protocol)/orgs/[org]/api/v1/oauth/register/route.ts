import { corsPreflight } from "@/lib/server/http/corsHeaders";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { handleRegistration } from "@/lib/server/endpoints/handleRegistration";

export const dynamic = "force-dynamic";
export const POST = nextRoute(handleRegistration);
export const OPTIONS = () => corsPreflight("POST");
