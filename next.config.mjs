/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm-backed packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
