import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";

// tsx runs these files as CommonJS (package.json has no "type": "module").
export const ROOT = path.resolve(__dirname, "..", "..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
  ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".map": "application/json",
};

/**
 * The bench's own static server on 127.0.0.1: generated pages and data from
 * memory or a folder, and the peers' browser files straight from
 * node_modules under /nm/ (the machine is offline: no CDN). Only the
 * packages listed can be read, so the server never exposes the repository.
 */
export class StaticServer {
  private files = new Map<string, { body: string | Buffer; type: string; headers: Record<string, string> }>();
  private server?: http.Server;
  url = "";

  constructor(private readonly packages: string[]) {}

  /** `headers` go out with this route only (e.g. the app's own page headers, for a page compared with the app's). */
  put(route: string, body: string | Buffer, type = TYPES[path.extname(route)] ?? "application/octet-stream", headers: Record<string, string> = {}) {
    this.files.set(route, { body, type, headers });
  }

  putFile(route: string, file: string) {
    this.put(route, fs.readFileSync(file));
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const route = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const mem = this.files.get(route);
    if (mem) return send(res, 200, mem.type, mem.body, mem.headers);
    if (route.startsWith("/nm/")) {
      const rel = path.normalize(route.slice(4));
      const allowed = this.packages.some((p) => rel.startsWith(p + path.sep));
      const file = path.join(ROOT, "node_modules", rel);
      if (allowed && !rel.includes("..") && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return send(res, 200, TYPES[path.extname(file)] ?? "application/octet-stream", fs.readFileSync(file));
      }
    }
    send(res, 404, "text/plain", "not found");
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, "content-type": type, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
