// @ts-check

/** Headers every page gets; the embed route alone may be framed (see middleware-free rule below). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so they never fight over `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // scripts/lib.mjs turns Next's type check off for the e2e and benchmark builds, whose sources `tsc --noEmit` checks.
  typescript: { ignoreBuildErrors: process.env.CLAIMLINE_BUILD_TYPECHECK === "off" },
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3", "jsdom", "dompurify"],
  // Uploads go through server actions: workspace.json up to 20 MB, article
  // HTML and statement CSV up to 5 MB, plus room for the multipart framing.
  // Each action checks the real limit for its file type.
  // proxy.ts runs on every path, and Next buffers proxied bodies only up to
  // this size (10 MB by default, which would silently truncate a 20 MB
  // workspace.json import); the API's own reader enforces the real caps.
  // The stylesheet stays a file, not `inlineCss`: Next inlines it three times
  // (a <style> plus two copies in React's payload), 110 KB on every page. At
  // 10,000 statements the timeline's first screen came 124 ms later inlined
  // (median of 15: 1,055 against 931 ms); the request is one small cached file.
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "22mb" },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Pages get their Content-Security-Policy from proxy.ts (a nonce per request; frame-ancestors 'none'
      // except /s/<token>/embed, which may be framed anywhere). API answers are never documents: nothing in them may load or run.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox" }] },
      // Everything but the embed refuses to be framed (X-Frame-Options for old browsers).
      { source: "/((?!s/[^/]+/embed/?$).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

module.exports = nextConfig;
