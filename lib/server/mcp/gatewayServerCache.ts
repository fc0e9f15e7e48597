/**
 * Resolved servers are kept a few seconds per process (McpRuntime.servers). A write through the
 * server use cases on this instance bumps the generation, so that this instance sees its own
 * changes at once; other instances see them when their entries expire (GatewayOptions.serverCacheMs).
 */
let generation = 0;

export function currentServerGeneration(): number {
  return generation;
}

/** Called after every change to servers, scopes, the tool map or an org's settings. */
export function forgetProtectedServers(): void {
  generation++;
}
