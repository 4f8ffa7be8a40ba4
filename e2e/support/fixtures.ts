import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { openDatabase, type DB } from "@/db";
import { seedDemoWorkspace } from "@/db/seed";
import { createWorkspace } from "@/db/queries/workspaces";
import { ensureLocalUser } from "@/db/queries/users";

let shared: DB | null = null;
/** The same throwaway SQLite file the server under test uses (WAL lets both write). */
export function testDb(): DB {
  shared ??= openDatabase(process.env.E2E_DATABASE_PATH!, { migrations: false });
  return shared;
}

export const uniqueSlug = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

type Fixtures = {
  /** A fresh copy of the demo workspace that this test alone uses. */
  demo: { slug: string; id: number };
  /** A fresh empty workspace for this test. */
  emptyWorkspace: { slug: string; id: number };
};

export const test = base.extend<Fixtures>({
  demo: async ({}, provide) => {
    const slug = uniqueSlug("demo");
    const ws = seedDemoWorkspace(testDb(), { slug, name: `Demo copy ${slug}` });
    await provide({ slug: ws.slug, id: ws.id });
  },
  emptyWorkspace: async ({}, provide) => {
    const db = testDb();
    const ws = createWorkspace(db, { name: `Empty ${uniqueSlug("ws")}`, slug: uniqueSlug("empty"), actorId: ensureLocalUser(db).id });
    await provide({ slug: ws.slug, id: ws.id });
  },
});

/** axe in the real browser: no serious or critical violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export { expect };
