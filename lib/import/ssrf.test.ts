import { describe, expect, it } from "vitest";
import { ImportError } from "./errors";
import { checkUrl, isPublicAddress } from "./ssrf";

describe("isPublicAddress", () => {
  const refused: [string, string][] = [
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback /8"],
    ["10.1.2.3", "private 10/8"],
    ["172.16.0.1", "private 172.16/12 low"],
    ["172.31.255.255", "private 172.16/12 high"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "cloud metadata (link-local)"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT top"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this-network 0/8"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "reserved 240/4"],
    ["192.0.2.10", "documentation TEST-NET-1"],
    ["198.51.100.7", "documentation TEST-NET-2"],
    ["203.0.113.9", "documentation TEST-NET-3"],
    ["198.18.0.1", "benchmarking"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["[::]", "bracketed unspecified"],
    ["fe80::1", "IPv6 link-local"],
    ["fe80::1%eth0", "link-local with zone"],
    ["fc00::1", "unique-local fc00::/7"],
    ["fd12:3456::1", "unique-local fd"],
    ["ff02::1", "IPv6 multicast"],
    ["2001:db8::1", "IPv6 documentation"],
    ["::ffff:127.0.0.1", "v4-mapped loopback"],
    ["::ffff:7f00:1", "v4-mapped loopback, hex form"],
    ["::ffff:10.0.0.1", "v4-mapped private"],
    ["::ffff:169.254.169.254", "v4-mapped metadata"],
    ["64:ff9b::7f00:1", "NAT64 embedding loopback"],
    ["64:ff9b::a00:1", "NAT64 embedding 10.0.0.1"],
    ["64:ff9b:1::808:808", "local-use NAT64 prefix"],
    ["2002:7f00:1::", "6to4 embedding loopback"],
    ["2002:c0a8:101::1", "6to4 embedding 192.168.1.1"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo with client 127.0.0.1"],
    ["::127.0.0.1", "deprecated IPv4-compatible"],
    ["100::1", "IPv6 discard prefix"],
    ["not-an-ip", "garbage"],
    ["", "empty"],
  ];
  it.each(refused)("refuses %s (%s)", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  const allowed: [string, string][] = [
    ["8.8.8.8", "public DNS"],
    ["93.184.216.34", "public web host"],
    ["172.32.0.1", "just above 172.16/12"],
    ["100.128.0.1", "just above CGNAT"],
    ["2606:4700:4700::1111", "public IPv6"],
    ["::ffff:8.8.8.8", "v4-mapped public"],
    ["64:ff9b::808:808", "NAT64 embedding 8.8.8.8"],
    ["2002:808:808::1", "6to4 embedding 8.8.8.8"],
  ];
  it.each(allowed)("allows %s (%s)", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ImportError ? err.code : `non-ImportError: ${String(err)}`;
  }
  return undefined;
}

describe("checkUrl", () => {
  it.each([
    ["http://2130706433/", "decimal 127.0.0.1"],
    ["http://0177.0.0.1/", "octal 127.0.0.1"],
    ["http://0x7f.1/", "hex + short form 127.0.0.1"],
    ["http://0x7f000001/", "hex 127.0.0.1"],
    ["http://127.1/", "short form"],
    ["http://0/", "0 → 0.0.0.0"],
    ["http://0.0.0.0:8080/", "0.0.0.0"],
    ["http://[::]/", "IPv6 unspecified"],
    ["http://[::1]:3000/", "IPv6 loopback"],
    ["http://[::ffff:127.0.0.1]/", "v4-mapped loopback"],
    ["http://169.254.169.254/latest/meta-data/", "cloud metadata"],
    ["http://localhost:3000/", "localhost"],
    ["http://api.localhost/", "*.localhost"],
    ["http://LOCALHOST./", "localhost with trailing dot"],
  ])("refuses %s (%s)", (url) => {
    expect(codeOf(() => checkUrl(url))).toBe("refused_address");
  });

  it("shows the URL parser is what canonicalises the numeric host forms", () => {
    expect(new URL("http://2130706433/").hostname).toBe("127.0.0.1");
    expect(new URL("http://0177.0.0.1/").hostname).toBe("127.0.0.1");
    expect(new URL("http://0x7f.1/").hostname).toBe("127.0.0.1");
  });

  it.each([
    ["ftp://example.com/file", "other scheme"],
    ["file:///etc/passwd", "file scheme"],
    ["javascript:alert(1)", "javascript scheme"],
    ["data:text/html,<p>x</p>", "data scheme"],
    ["http://user:pass@example.com/", "credentials"],
    ["https://user@example.com/", "username only"],
    ["not a url", "garbage"],
    ["", "empty"],
  ])("rejects %s as invalid_url (%s)", (url) => {
    expect(codeOf(() => checkUrl(url))).toBe("invalid_url");
  });

  it("accepts public http and https URLs on any port and returns the parsed URL", () => {
    expect(checkUrl(" https://example.com:8443/a?b=c ").href).toBe("https://example.com:8443/a?b=c");
    expect(checkUrl("http://8.8.8.8/").hostname).toBe("8.8.8.8");
  });

  it("allows private hosts only when allowPrivate is set, still refusing credentials", () => {
    expect(checkUrl("http://127.0.0.1:3000/", { allowPrivate: true }).port).toBe("3000");
    expect(codeOf(() => checkUrl("http://u:p@127.0.0.1/", { allowPrivate: true }))).toBe("invalid_url");
  });
});
