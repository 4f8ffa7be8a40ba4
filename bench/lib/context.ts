import { AppServer } from "./app-server";
import { BenchDb } from "./bench-db";
import { closeBrowser } from "./browser";
import { StaticServer } from "./static-server";
import type { Outcome } from "./types";

/** Shared, lazily started resources: a benchmark asks only for what it uses, so BENCH_ONLY stays quick. */
export class BenchContext {
  private staticServer?: StaticServer;
  private appServer?: AppServer;
  private benchDb?: BenchDb;

  private readonly started = performance.now();

  /** Each line says how far into the run it was written, so a slow step shows in the log. */
  log(message: string) {
    const elapsed = Math.round((performance.now() - this.started) / 1000);
    process.stderr.write(`\x1b[2m[bench ${elapsed} s]\x1b[0m ${message}\n`);
  }

  async static(): Promise<StaticServer> {
    if (!this.staticServer) {
      this.staticServer = new StaticServer(["vis-timeline", "vis-data", "@knight-lab/timelinejs"]);
      await this.staticServer.start();
    }
    return this.staticServer;
  }

  db(): BenchDb {
    this.benchDb ??= new BenchDb();
    return this.benchDb;
  }

  /** The production build (NEXT_DIST_DIR=.next-bench) serving the bench database. */
  async app(): Promise<AppServer> {
    if (!this.appServer) {
      const file = this.db().file;
      this.log("starting the production server (builds .next-bench first when sources changed)…");
      this.appServer = await AppServer.start(file);
    }
    return this.appServer;
  }

  async close() {
    await this.appServer?.stop();
    await this.staticServer?.stop();
    await closeBrowser();
    this.benchDb?.close();
  }
}

export interface Benchmark {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Outcome>;
}
