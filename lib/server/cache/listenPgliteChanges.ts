import type { PGlite } from "@electric-sql/pglite";
import { CHANGES_CHANNEL } from "./CHANGES_CHANNEL";
import { parseChangePayload } from "./Change";
import type { ChangeFeed } from "./ChangeFeed";

/**
 * Feeds `feed` from the embedded database's NOTIFYs. PGlite is this process's alone and delivers
 * a notification before the statement that caused it resolves, so the feed is live from the start
 * and never misses a change. Returns the function that stops it.
 */
export async function listenPgliteChanges(db: PGlite, feed: ChangeFeed): Promise<() => Promise<void>> {
  const unlisten = await db.listen(CHANGES_CHANNEL, (payload) => {
    const change = parseChangePayload(payload);
    if (change) feed.publish(change);
  });
  feed.setLive(true);
  return async () => {
    feed.setLive(false);
    await unlisten();
  };
}
