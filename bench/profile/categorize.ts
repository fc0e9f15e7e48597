/**
 * Which part of the stack a profiled function belongs to, from its script URL (and, for V8's own
 * entries and native code, its name). The categories answer "where does the CPU go per request":
 * Prisma's client and query compiler, its pg adapter, the pg driver, jose, Node's web-standard
 * Request/Response layer (undici, web streams) that the lean path converts through, node:http,
 * Next, our code, garbage collection.
 */
export function categorize(url: string, functionName: string): string {
  if (url === "") {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(program)") return "V8/native (unattributed)";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(root)") return "root";
    return "V8 builtins & native";
  }
  if (url.startsWith("wasm://") || url.endsWith(".wasm")) return "Prisma query compiler (WASM)";
  // `npm start` runs one esbuild bundle of server.ts, lib/ and the generated Prisma client
  // (scripts/start.mjs): a profile cannot tell those apart by URL.
  if (/\/node_modules\/\.cache\/gatehouse\//.test(url)) return "Gatehouse (server bundle: lib/, generated Prisma client)";
  if (/\/node_modules\/@prisma\/adapter-pg\//.test(url)) return "Prisma pg adapter";
  if (/\/node_modules\/(@prisma\/|\.prisma\/)|\/generated\/prisma\//.test(url)) return "Prisma client runtime";
  if (/\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pg-connection-string|postgres-[a-z]+|pgpass)\//.test(url)) return "pg driver";
  if (/\/node_modules\/jose\//.test(url)) return "jose (JWT)";
  if (/\/node_modules\/next\//.test(url)) return "Next.js";
  if (/\/node_modules\/tsx\//.test(url)) return "tsx loader";
  if (/\/node_modules\/zod\//.test(url)) return "zod";
  if (/\/node_modules\/@modelcontextprotocol\//.test(url)) return "MCP SDK";
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `npm: ${pkg[1]}`;
  if (url.startsWith("node:internal/deps/undici") || url.includes("internal/deps/undici")) return "undici (Request/Response/Headers/fetch)";
  if (url.startsWith("node:internal/webstreams")) return "web streams";
  if (/^node:(_http|http|internal\/http|net|internal\/stream_base|_stream|internal\/streams|stream)/.test(url)) return "node:http, net, streams";
  if (url.startsWith("node:internal/crypto") || url === "node:crypto") return "node:crypto (JS side)";
  if (url.startsWith("node:")) return "Node core (other)";
  if (/\/lib\/(oauth|mcp)\//.test(url)) return "Gatehouse core (lib/oauth, lib/mcp)";
  if (/\/lib\/server\//.test(url)) return "Gatehouse adapters (lib/server)";
  if (/\/server\.ts$/.test(url)) return "Gatehouse adapters (lib/server)";
  return "other";
}
