import { handleAuthorizeGet, handleAuthorizePost } from "@/lib/server/endpoints/handleAuthorize";
import { nextRoute } from "@/lib/server/http/nextRoute";
import { oauthEndpoint } from "@/lib/server/http/oauthEndpoint";

export const dynamic = "force-dynamic";
export const GET = nextRoute(oauthEndpoint(handleAuthorizeGet));
export const POST = nextRoute(oauthEndpoint(handleAuthorizePost));
