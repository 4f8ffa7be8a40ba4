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
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3", "jsdom", "dompurify"],
  // Uploads go through server actions: workspace.json up to 20 MB, article
  // HTML and statement CSV up to 5 MB, plus room for the multipart framing.
  // Each action checks the real limit for its file type.
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Everything but the embed refuses to be framed (X-Frame-Options for old
      // browsers, frame-ancestors for current ones); the embed may be framed anywhere.
      {
        source: "/((?!s/[^/]+/embed/?$).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
      { source: "/s/:token/embed", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

module.exports = nextConfig;
