import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // Native and wasm-backed packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        // Every page: no framing (clickjacking of the consent screen, RFC 9700 §4.16), no MIME sniffing.
        source: "/:path*",
        // The full Content-Security-Policy, with a nonce per response, is set by the server's front
        // door (lib/server/http/contentSecurityPolicy.ts): a header set here would replace it.
        // `next dev` has no front door: there, at least no framing.
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          ...(phase === PHASE_DEVELOPMENT_SERVER ? [{ key: "Content-Security-Policy", value: "frame-ancestors 'none'" }] : []),
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // The consent URL carries the client's state and PKCE challenge: never leak it in a Referer.
        source: "/orgs/:org/consent",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
});

export default nextConfig;
