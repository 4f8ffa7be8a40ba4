import { createHash, timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";

/**
 * Who may call the HTTP API.
 *
 * Next.js route handlers do not see the TCP peer: `NextRequest.ip` is gone
 * since Next 15, and `next start` fills `x-forwarded-for` from the socket only
 * when the client did not send one (`??=`), so that header is whatever the
 * client says. We therefore read the peer from `x-claimline-peer`, a header
 * that instrumentation.ts overwrites on every request with the socket's
 * remote address (a client cannot set it). `x-forwarded-for` counts only when
 * CLAIMLINE_TRUST_PROXY=1 and the peer itself is loopback (a local reverse
 * proxy), and then only its right-most entry, the one that proxy appended.
 * The Host header must name loopback too, which stops DNS rebinding; an
 * Origin from another site is refused, which stops cross-site form posts.
 * With CLAIMLINE_API_TOKEN set, the token replaces all of this.
 */
export const PEER_HEADER = "x-claimline-peer";

export interface AccessRequest {
  peer: string | null;
  forwardedFor: string | null;
  host: string | null;
  origin: string | null;
  authorization: string | null;
}

export interface AccessConfig {
  token?: string;
  trustProxy?: boolean;
}

export type AccessRefusal = { code: "unauthorized" | "forbidden"; message: string };

export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const bare = address.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === "loopback";
}

/** "localhost", "127.0.0.1:3000", "[::1]:8080", "api.localhost" — names that only ever reach this machine. */
export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false;
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  return isLoopbackAddress(name);
}

/** Constant-time comparison of `Authorization: Bearer <token>`; hashing first makes the lengths equal. */
export function bearerMatches(authorization: string | null, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const given = createHash("sha256").update(match?.[1] ?? "").digest();
  const wanted = createHash("sha256").update(token).digest();
  return timingSafeEqual(given, wanted) && match !== null;
}

/** The address the request came from, by the rules above; null when it cannot be known. */
export function clientAddress(req: AccessRequest, config: AccessConfig): string | null {
  if (!req.peer) return null;
  if (config.trustProxy && isLoopbackAddress(req.peer) && req.forwardedFor) {
    const hops = req.forwardedFor.split(",").map((h) => h.trim()).filter(Boolean);
    return hops.at(-1) ?? req.peer;
  }
  return req.peer;
}

export function checkAccess(req: AccessRequest, config: AccessConfig): AccessRefusal | null {
  if (config.token) {
    return bearerMatches(req.authorization, config.token)
      ? null
      : { code: "unauthorized", message: "Send Authorization: Bearer <token> with the token set in CLAIMLINE_API_TOKEN." };
  }
  const address = clientAddress(req, config);
  if (!address) {
    return { code: "forbidden", message: "The client address is unknown, so the API refuses (single-user mode answers loopback only). Set CLAIMLINE_API_TOKEN to use a token instead." };
  }
  if (!isLoopbackAddress(address)) {
    return { code: "forbidden", message: "In single-user mode the API answers only requests from this machine. Set CLAIMLINE_API_TOKEN to allow others with a token." };
  }
  if (!config.trustProxy && !isLoopbackHost(req.host)) {
    return { code: "forbidden", message: "The Host header must name this machine (localhost, 127.0.0.1 or [::1])." };
  }
  if (req.origin && req.origin !== "null") {
    let originHost: string | null = null;
    try { originHost = new URL(req.origin).host; } catch { /* malformed: refused below */ }
    if (!originHost || (originHost !== req.host && !isLoopbackHost(originHost))) {
      return { code: "forbidden", message: "Requests from other web sites are refused." };
    }
  } else if (req.origin === "null") {
    return { code: "forbidden", message: "Requests from other web sites are refused." };
  }
  return null;
}
