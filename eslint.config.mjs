import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    files: ["lib/oauth/**/*.ts", "lib/mcp/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["next", "next/*"], message: "lib/oauth and lib/mcp stay framework-free." },
        { group: ["@prisma/*", "**/generated/prisma/**"], message: "The protocol core speaks domain types, never Prisma." },
      ] }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Configuration enters the core as arguments." }],
    },
  },
];

export default config;
