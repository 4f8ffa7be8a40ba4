/** Runs once in each server process before it answers requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The HTTP API's loopback-only rule needs the real peer address (lib/api/access.ts).
    const { installPeerAddressHeader } = await import("./lib/api/peer-address");
    installPeerAddressHeader();
  }
}
