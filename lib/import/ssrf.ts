import ipaddr from "ipaddr.js";
import { ImportError } from "./errors";

/*
 * Server-side request forgery guard. A URL import makes OUR server open a
 * connection, so a user must not be able to point it at the machine itself,
 * the office network or a cloud metadata service (169.254.169.254).
 *
 * The policy is an allowlist: an address is public only if ipaddr.js calls it
 * plain "unicast" (for IPv6: inside global unicast 2000::/3). Everything it
 * classifies otherwise — loopback, private, link-local, multicast,
 * unspecified, broadcast, carrier-grade NAT, reserved and documentation
 * ranges, benchmarking, unique-local — is refused. IPv6 forms that embed an
 * IPv4 address (mapped, translated, NAT64, 6to4, Teredo) are judged by the
 * IPv4 address inside, because that is where the packets end up.
 */
export function isPublicAddress(ip: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // Strip IPv6 brackets as URL.hostname keeps them.
    addr = ipaddr.parse(ip.replace(/^\[(.*)\]$/, "$1"));
  } catch {
    return false;
  }
  return addr.kind() === "ipv4" ? isPublicV4(addr as ipaddr.IPv4) : isPublicV6(addr as ipaddr.IPv6);
}

function isPublicV4(addr: ipaddr.IPv4): boolean {
  return addr.range() === "unicast";
}

const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

function v4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return ipaddr.fromByteArray(bytes) as ipaddr.IPv4;
}

function isPublicV6(addr: ipaddr.IPv6): boolean {
  const bytes = addr.toByteArray();
  switch (addr.range()) {
    case "ipv4Mapped":
      return isPublicV4(addr.toIPv4Address());
    case "rfc6145": // ::ffff:0:a.b.c.d, IPv4-translated
      return isPublicV4(v4FromBytes(bytes.slice(12)));
    case "rfc6052":
      // Only the well-known NAT64 prefix carries a routable IPv4 address;
      // the local-use prefix 64:ff9b:1::/48 is site-specific, so refuse it.
      return addr.match(NAT64_WELL_KNOWN) && isPublicV4(v4FromBytes(bytes.slice(12)));
    case "6to4": // 2002:AABB:CCDD::/48 tunnels to a.b.c.d
      return isPublicV4(v4FromBytes(bytes.slice(2, 6)));
    case "teredo": {
      // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC — server in clear, client XOR 0xff.
      const server = v4FromBytes(bytes.slice(4, 8));
      const client = v4FromBytes(bytes.slice(12, 16).map((b) => b ^ 0xff));
      return isPublicV4(server) && isPublicV4(client);
    }
    case "unicast":
      return addr.match(GLOBAL_UNICAST);
    default:
      return false;
  }
}

/** Hostnames that always mean this machine, refused before any DNS lookup. */
function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost");
}

/**
 * Parses and vets a user-supplied URL before any connection is made: only
 * http/https, no credentials (they would be sent to the site and stored in our
 * snapshot's URL), and literal IP hosts must be public. Hostnames are vetted
 * later, at connect time, by the address they resolve to.
 *
 * The WHATWG URL parser turns decimal, octal and hex IPv4 spellings
 * (2130706433, 0177.0.0.1, 0x7f.1) into dotted-quad form, so checking
 * `url.hostname` catches them without our own parser.
 */
export function checkUrl(input: string | URL, opts: { allowPrivate?: boolean } = {}): URL {
  let url: URL;
  try {
    url = new URL(typeof input === "string" ? input.trim() : input.href);
  } catch (cause) {
    throw new ImportError("invalid_url", { detail: "unparseable URL", cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ImportError("invalid_url", { detail: `scheme ${url.protocol} not allowed` });
  }
  if (url.username || url.password) throw new ImportError("invalid_url", { detail: "credentials in URL" });
  if (!url.hostname) throw new ImportError("invalid_url", { detail: "no host" });
  if (opts.allowPrivate) return url;

  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (ipaddr.isValid(host) || url.hostname.startsWith("[")) {
    if (!isPublicAddress(host)) throw new ImportError("refused_address", { detail: `literal address ${host}` });
  } else if (isLocalName(host)) {
    throw new ImportError("refused_address", { detail: `local name ${host}` });
  }
  return url;
}
