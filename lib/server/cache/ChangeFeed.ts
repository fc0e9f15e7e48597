import type { Change } from "./Change";

export interface ChangeSubscriber {
  /** One committed change: forget what it makes stale. */
  change(change: Change): void;
  /** Changes may have been missed (the feed went live, or stopped being live): forget everything. */
  reset(): void;
}

/**
 * The committed changes that invalidate this instance's caches: NOTIFYs from the database's
 * triggers (every instance, the CLI, a hand-written UPDATE) and this process's own writes, which
 * publish right after they commit so that the next request here sees them whatever the
 * notification's delay.
 *
 * A cache may answer from memory only while the feed is `live` (listening, with nothing missed
 * since): before the first LISTEN succeeds and after the connection is lost, every read goes to
 * the database. Each change of liveness resets every subscriber.
 */
/**
 * Which feed belongs to which database client. On globalThis: the custom server and Next's bundled
 * modules are separate copies of this module in one process, and a portal action (Next's copy)
 * must reach the feed the server's copy attached.
 */
const byClient = ((globalThis as { __gatehouseChangeFeeds?: WeakMap<object, ChangeFeed> }).__gatehouseChangeFeeds ??= new WeakMap());

export class ChangeFeed {
  /** Makes `feed` the one `announce(client, ...)` reaches: the database client it belongs to. */
  static attach(client: object, feed: ChangeFeed): void {
    byClient.set(client, feed);
  }

  /**
   * For a write this process just committed through `client`: its caches forget it now, not when
   * the trigger's notification comes back. Call it after the commit (inside a transaction a
   * concurrent read could still load and keep the old row).
   */
  static announce(client: object, ...changes: Change[]): void {
    const feed = byClient.get(client);
    if (!feed) return;
    for (const change of changes) feed.publish(change);
  }

  #subscribers = new Set<ChangeSubscriber>();
  #live = false;
  #catchUp: (() => Promise<void>) | null = null;

  get live(): boolean {
    return this.#live;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  publish(change: Change): void {
    for (const subscriber of this.#subscribers) subscriber.change(change);
  }

  /**
   * Resolves once every change committed before the call has reached the subscribers: the caches
   * no longer hold anything those changes made stale. For a reader that must see another
   * connection's write (a test writing behind the server's back, an operator's script). While the
   * feed is not live it resolves at once: nothing is answered from memory then.
   */
  async caughtUp(): Promise<void> {
    if (this.#live && this.#catchUp) await this.#catchUp();
  }

  /** Set by the listener: how to wait for the changes committed so far to be delivered. */
  setCatchUp(catchUp: () => Promise<void>): void {
    this.#catchUp = catchUp;
  }

  setLive(live: boolean): void {
    this.#live = live;
    for (const subscriber of this.#subscribers) subscriber.reset();
  }
}
