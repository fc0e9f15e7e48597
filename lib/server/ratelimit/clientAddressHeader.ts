/**
 * The request header that carries the client's network address inside the process. The front door
 * (createRequestListener) sets it on every request from the socket, overwriting whatever the client
 * sent, so it can be trusted by the endpoints and by next-auth behind it; X-Forwarded-For, which
 * any client can write, is not.
 */
export const CLIENT_ADDRESS_HEADER = "x-gatehouse-client-ip";
