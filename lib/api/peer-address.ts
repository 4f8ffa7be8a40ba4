import http from "node:http";
import { PEER_HEADER } from "./access";

const INSTALLED = Symbol.for("claimline.peerAddressHeader");

/**
 * Stamps every incoming request with the TCP peer's address in
 * `x-claimline-peer`, overwriting whatever the client sent under that name.
 * Route handlers only see headers, and this is the one header about the
 * client that the client cannot forge. Called once from instrumentation.ts,
 * which Next runs in the server process before it answers requests.
 */
export function installPeerAddressHeader() {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return (emit as (event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
