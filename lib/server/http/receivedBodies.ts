/**
 * Request bodies the lean path (serveProtocolRequest) read from the socket before building the web
 * Request: that Request carries no body stream, and readBodyText takes the bytes from here. A
 * Request from anywhere else (Next's route handlers, tests) is not in it and is read as usual.
 */
export const receivedBodies = new WeakMap<Request, Uint8Array>();
