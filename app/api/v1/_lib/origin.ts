import "server-only";

/**
 * Where public links point: CLAIMLINE_PUBLIC_URL when set (a server behind a
 * proxy or published elsewhere), else the address the client used (its Host
 * header, which single-user mode has already checked; a trusted proxy's
 * X-Forwarded-Host/-Proto when CLAIMLINE_TRUST_PROXY=1).
 */
export function publicOrigin(request: Request): string {
  if (process.env.CLAIMLINE_PUBLIC_URL) return process.env.CLAIMLINE_PUBLIC_URL.replace(/\/+$/, "");
  const url = new URL(request.url);
  const proxied = process.env.CLAIMLINE_TRUST_PROXY === "1";
  const host = (proxied && request.headers.get("x-forwarded-host")) || request.headers.get("host") || url.host;
  const proto = (proxied && request.headers.get("x-forwarded-proto")?.split(",")[0].trim()) || url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
