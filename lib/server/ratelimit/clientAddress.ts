import { CLIENT_ADDRESS_HEADER } from "./clientAddressHeader";

/**
 * The client's address as the front door recorded it (stampClientAddress), or null when the
 * request did not come through it (`next dev`): per-address limits are then skipped rather than
 * lumping every client into one bucket.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = Array.isArray(value) ? value[0] : value;
  return address ? address.slice(0, 64) : null;
}
