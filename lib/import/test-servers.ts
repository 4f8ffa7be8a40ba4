// Test helper: a throwaway HTTP server that counts connections and requests,
// so tests can prove a refused fetch never sent a request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ImportError } from "./errors";

export interface TestServer {
  port: number;
  origin: string;
  requests: string[];
  connections: number;
  close: () => Promise<void>;
}

export async function startServer(host: string, handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    state.requests.push(req.url ?? "");
    handler(req, res);
  });
  const state: TestServer = { port: 0, origin: "", requests: [], connections: 0, close: async () => undefined };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://${host}:${state.port}`;
  state.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}

/** The ImportError code a promise rejects with (fails the test if it resolves). */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return err instanceof ImportError ? err.code : `not an ImportError: ${String(err)}`;
  }
  throw new Error("expected the promise to reject");
}
