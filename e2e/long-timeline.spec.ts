import { createTimeline, shareTimeline } from "@/db/queries/timelines";
import { ensureLocalUser } from "@/db/queries/users";
import { DEFAULT_VIEW } from "@/lib/timeline/view-state";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";
import { seedLongTimeline } from "./support/long-timeline";

const COUNT = 450;
// Both links go from a later statement back to an earlier one of the same speaker (even positions), so each
// is a "full flop" flag: the first spans nearly the whole list, the second starts in rows the page does not send.
const LINKS: [number, number][] = [[440, 4], [210, 200]];

test("a long timeline sends only some rows, fetches the rest as the reader moves, and keeps flags navigable", async ({ page, emptyWorkspace }) => {
  seedLongTimeline(testDb(), emptyWorkspace.id, COUNT, LINKS);
  await page.goto(`/w/${emptyWorkspace.slug}/timeline`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(`${COUNT} statements · 2 flags`)).toBeVisible();
  await expect(timeline.getByText("[row 1] We said this on day 1.")).toBeVisible();
  // Only the rows near the viewport are in the document.
  expect(await timeline.locator("li.tl-row").count()).toBeLessThan(80);
  await expectAccessible(page);

  // The second flag starts at row 201, which the page did not send: "next flag" fetches it, focuses it and describes it.
  await page.getByRole("heading", { level: 1, name: "Timeline" }).click();
  const rowsFetched = page.waitForResponse((r) => r.url().includes("/timeline/rows?") && r.status() === 200);
  await page.keyboard.press("j");
  await expect(page.getByRole("status").filter({ hasText: /^Flag 1 of 2: Full flop between Vladimir Putin, 5 Jan 2023 and 16 Mar 2024\. On 16 Mar 2024, Vladimir Putin contradicts/ })).toBeVisible();
  await page.keyboard.press("j");
  await rowsFetched;
  await expect(page.getByRole("status").filter({ hasText: /^Flag 2 of 2: Full flop between Vladimir Putin, 20 Jul 2023 and 30 Jul 2023\./ })).toBeVisible();
  await expect(page.locator(":focus")).toContainText("[row 201]");

  // Its partner is ten rows down; the flag button jumps there.
  await page.locator(":focus").getByRole("button", { name: "Flag: Full flop with statement of 30 Jul 2023" }).click();
  await expect(page.locator(":focus")).toContainText("[row 211]");

  // The end of the list.
  await page.keyboard.press("End");
  await expect(timeline.getByText(`[row ${COUNT}] We said this on day ${COUNT}.`)).toBeVisible();
});

test("before any script runs, a long timeline already shows its first and its last statements", async ({ browser, emptyWorkspace }) => {
  seedLongTimeline(testDb(), emptyWorkspace.id, COUNT, LINKS);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/w/${emptyWorkspace.slug}/timeline`);
  await expect(page.getByText("[row 1] We said this on day 1.")).toBeVisible();
  await page.keyboard.press("End");
  await expect(page.getByText(`[row ${COUNT}] We said this on day ${COUNT}.`)).toBeVisible();
  await expect(page.getByText("[row 200]")).toHaveCount(0);
  await context.close();
});

test("the rows endpoint names a bad window and refuses a layout that changed since the page was rendered", async ({ page, request, emptyWorkspace }) => {
  seedLongTimeline(testDb(), emptyWorkspace.id, 320, []);
  await page.goto(`/w/${emptyWorkspace.slug}/timeline`);
  const base = `/w/${emptyWorkspace.slug}/timeline/rows`;
  const backwards = await request.get(`${base}?start=50&end=10&v=x`);
  expect(backwards.status()).toBe(422);
  expect((await backwards.json()).error).toMatchObject({ code: "invalid", field: "end" });
  const stale = await request.get(`${base}?start=0&end=10&v=not-this-one`);
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toMatchObject({ code: "conflict", field: "v" });
  expect((await request.get(`/w/no-such-workspace/timeline/rows?start=0&end=10&v=x`)).status()).toBe(404);
});

test("a shared long timeline fetches its rows through the share token, and a wrong token gets nothing", async ({ page, request, emptyWorkspace }) => {
  const db = testDb();
  seedLongTimeline(db, emptyWorkspace.id, COUNT, LINKS);
  const actorId = ensureLocalUser(db).id;
  const timeline = createTimeline(db, { workspaceId: emptyWorkspace.id, actorId, title: "A long record", filter: DEFAULT_VIEW });
  const { token } = shareTimeline(db, { workspaceId: emptyWorkspace.id, actorId, id: timeline.id });
  await page.goto(`/s/${token}`);
  await expect(page.getByText("[row 1] We said this on day 1.")).toBeVisible();
  await page.getByRole("heading", { level: 1, name: "A long record" }).click();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.locator(":focus")).toContainText("[row 201]");
  await expect(page.getByRole("status").filter({ hasText: /^Flag 2 of 2: Full flop between Vladimir Putin, 20 Jul 2023/ })).toBeVisible();
  expect((await request.get(`/s/${"x".repeat(token.length)}/rows?start=0&end=10&v=x`)).status()).toBe(404);
});

test("a short shared timeline opened on a phone paints its first rows at their full height, so nothing shifts", async ({ page, emptyWorkspace }) => {
  // Rows with flags are taller than the placeholder height an off-screen row is given (content-visibility);
  // a first screen painted at that height and then grown moved everything under it (CLS 0.3 on the demo's).
  const db = testDb();
  seedLongTimeline(db, emptyWorkspace.id, 12, [[2, 0], [4, 0], [6, 2], [8, 4], [10, 6]]);
  const actorId = ensureLocalUser(db).id;
  const timeline = createTimeline(db, { workspaceId: emptyWorkspace.id, actorId, title: "On a phone", filter: DEFAULT_VIEW });
  const { token } = shareTimeline(db, { workspaceId: emptyWorkspace.id, actorId, id: timeline.id });
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__shift += (e as unknown as { value: number }).value; }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`/s/${token}`, { waitUntil: "load" });
  await expect(page.getByText("[row 1] We said this on day 1.")).toBeVisible();
  const firstRow = page.locator(".tl-row").first();
  expect((await firstRow.boundingBox())!.height).toBeGreaterThan(200);
  // Whether the shift shows depends on when the HTML's pieces arrive; what prevents it does not: no row of
  // the first screen may wait for a later frame to be laid out.
  const onFirstScreen = await page.locator(".tl-row").evaluateAll((rows) =>
    rows.filter((r) => r.getBoundingClientRect().top < innerHeight).map((r) => getComputedStyle(r).contentVisibility));
  expect(onFirstScreen.length).toBeGreaterThan(1);
  expect(onFirstScreen.every((v) => v === "visible")).toBe(true);
  // Two frames after load: any late layout of the first screen has happened by then.
  const shift = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r((window as unknown as { __shift: number }).__shift)))));
  expect(shift).toBeLessThan(0.05);
});
