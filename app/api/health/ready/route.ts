import { handleReadiness } from "@/lib/server/health/handleHealth";

export const dynamic = "force-dynamic";
export const GET = handleReadiness;
