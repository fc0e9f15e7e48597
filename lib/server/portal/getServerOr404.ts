import { notFound } from "next/navigation";
import { UseCaseError } from "../errors/UseCaseError";
import { getServer } from "../servers/getServer";
import type { ServerView } from "../servers/ServerView";
import { serverReadContext } from "./serverActionContext";

/** For server pages: the org's server by slug, or the 404 page. */
export async function getServerOr404(orgId: string, slug: string): Promise<ServerView> {
  try {
    return await getServer(await serverReadContext(), orgId, slug);
  } catch (error) {
    if (error instanceof UseCaseError && error.code === "not_found") notFound();
    throw error;
  }
}
