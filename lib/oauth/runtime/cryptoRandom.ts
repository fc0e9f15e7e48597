import { randomBytes } from "node:crypto";
import type { Random } from "../ports";

/** The Random port on node:crypto's CSPRNG. */
export const cryptoRandom: Random = { bytes: (length) => new Uint8Array(randomBytes(length)) };
