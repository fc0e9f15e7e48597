import type { Clock } from "../ports";

/** The Clock port on the process clock. */
export const systemClock: Clock = { now: () => new Date() };
