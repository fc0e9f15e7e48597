/**
 * The text of Responses built in memory (jsonResponse): the lean path (serveProtocolRequest) writes
 * it to the socket as it is, instead of reading it back through the Response's web stream. A
 * Response not in it (a stream, a Response from elsewhere) is read as usual.
 */
export const sentBodies = new WeakMap<Response, string>();
