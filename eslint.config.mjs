import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next*/**", "data/**", "test-results/**", "playwright-report/**", "reports/**", "bench/results/**", "bench/.cache/**", "next-env.d.ts", "db/migrations/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
      // Links go through components/ui/link.tsx, which turns off prefetching (why: see there).
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import { Link } from \"@/components/ui/link\" (no empty prefetches)." }] }],
    },
  },
  { files: ["components/ui/link.tsx"], rules: { "no-restricted-imports": "off" } },
];

export default config;
