// Preload for the profiling run (node --import ./bench/profile/countQueries.mjs server.ts): counts
// every statement the server sends to PostgreSQL, by SQL text, without changing the server's code
// or PostgreSQL's configuration (pg_stat_statements is not loaded on this machine). Each pg
// Client.query is one round trip; Prisma's adapter and the raw sessions all go through it (the pool's
// query acquires a client and calls it). On SIGUSR2 the counts so far are written, synchronously, to
// $BENCH_QUERY_LOG (with process.memoryUsage()); the benchmark diffs two snapshots around a window.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const pg = require("pg");
const original = pg.Client.prototype.query;
const counts = new Map();
let total = 0;

pg.Client.prototype.query = function countedQuery(config, ...rest) {
  total++;
  const text = typeof config === "string" ? config : config?.text;
  // One line per statement shape: whitespace folded, long texts cut.
  const key = String(text ?? "?").replace(/\s+/g, " ").slice(0, 300);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return original.call(this, config, ...rest);
};

process.on("SIGUSR2", () => {
  const file = process.env.BENCH_QUERY_LOG;
  // The process's memory by kind comes along: what the resident set is made of.
  if (file) writeFileSync(file, JSON.stringify({ total, byStatement: Object.fromEntries(counts), memory: process.memoryUsage() }));
});
