import { type Config, loadConfig } from "./loadConfig";

const holder = globalThis as unknown as { __gatehouseConfig?: Config };

/** The process-wide configuration, read once (shared by the custom server and Next's bundles). */
export function getConfig(): Config {
  holder.__gatehouseConfig ??= loadConfig();
  return holder.__gatehouseConfig;
}
