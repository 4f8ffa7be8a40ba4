import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { isDecodablePath } from "@/lib/security/path";

/**
 * Runs before routing. Refuses paths that do not decode (Next would answer
 * them with a 500). Pages get a fresh nonce per request in the
 * Content-Security-Policy: Next reads the nonce from the request's CSP
 * header while rendering and puts it on its own scripts (all pages are
 * dynamic, so every render sees it); the response header makes the browser
 * enforce it. Follows the Next.js CSP guide. API answers keep the fixed
 * policy from next.config.js.
 */
export function proxy(request: NextRequest) {
  const rawPath = new URL(request.url).pathname;
  const api = rawPath.startsWith("/api/");
  if (!isDecodablePath(rawPath)) {
    const message = "The address is not valid: it has malformed percent-encoding.";
    return api ? NextResponse.json({ error: { code: "bad_request", message } }, { status: 400 }) : new NextResponse(message, { status: 400 });
  }
  // Prefetches (RSC payloads, not documents) need no nonce, as the Next.js guide recommends.
  if (api || request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, pathname: request.nextUrl.pathname, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but build output; for API paths only the path check runs, and
  // bodies pass through (Next buffers up to proxyClientMaxBodySize, set in next.config.js above the API's caps).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
