import fs from "node:fs";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, expectAccessible, test } from "./support/fixtures";

const statementsIn = (page: Page) => page.getByRole("list", { name: /^Statements, / }).getByRole("article");
const namesOf = async (page: Page) => statementsIn(page).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));

async function openPutinPreconditions(page: Page, slug: string) {
  await page.goto(`/w/${slug}/timeline`);
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("checkbox", { name: "Vladimir Putin" }).check();
  await expect(page).toHaveURL(/speakers=\d+/);
  await filters.getByRole("checkbox", { name: "Preconditions for negotiations" }).check();
  await expect(page).toHaveURL(/\?speakers=\d+&topics=\d+$/);
  await expect(statementsIn(page)).toHaveCount(4);
}

test("the timeline shows Putin's preconditions with their flags, keeps every filter in the URL, and the URL reproduces the view", async ({ page, browser, demo }) => {
  await openPutinPreconditions(page, demo.slug);
  await expect(page.getByText("Vladimir Putin · Preconditions for negotiations · Jun–Sep 2024")).toBeVisible();
  expect(await namesOf(page)).toEqual(["Vladimir Putin, 14 Jun 2024", "Vladimir Putin, 12 Aug 2024", "Vladimir Putin, 2 Sep 2024", "Vladimir Putin, 5 Sep 2024"]);
  const sep2 = page.getByRole("article", { name: "Vladimir Putin, 2 Sep 2024" });
  await expect(sep2.getByRole("button", { name: "Flag: Full flop with statement of 12 Aug 2024" })).toBeVisible();
  await expect(sep2.getByRole("button", { name: "Flag: Half flip with statement of 14 Jun 2024" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Vladimir Putin, 12 Aug 2024" }).getByRole("button", { name: "Flag: Full flop with statement of 2 Sep 2024" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "September 2024" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByText(/Podolyak/)).toHaveCount(0);
  await expectAccessible(page);

  // The Export menu's first download is this view, row for row, with its flags.
  await page.getByRole("button", { name: "Export" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("list", { name: "Downloads" }).getByRole("link", { name: "This timeline view (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${demo.slug}-timeline-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const [header, ...rows]: string[][] = parse(fs.readFileSync((await download.path())!), { bom: true });
  const at = (name: string) => header.indexOf(name);
  expect(rows.map((r) => `${r[at("said_on")]} ${r[at("speaker")]}`)).toEqual(["2024-06-14 Vladimir Putin", "2024-08-12 Vladimir Putin", "2024-09-02 Vladimir Putin", "2024-09-05 Vladimir Putin"]);
  expect(rows[2][at("flags")]).toMatch(/full flop/i);
  await page.keyboard.press("Escape");

  // Flags by keyboard: the status names the verdict and both statements in words.
  await page.getByRole("heading", { level: 1, name: "Timeline" }).click();
  await page.keyboard.press("j");
  const status = page.getByRole("status").filter({ hasText: /^Flag 1 of \d+:/ });
  await expect(status).toContainText("between Vladimir Putin, 14 Jun 2024 and");
  await page.getByRole("button", { name: "Next flag" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Flag 2 of/ })).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByRole("status").filter({ hasText: /^Flag 1 of/ })).toBeVisible();
  await expect(page.locator(":focus")).toHaveAttribute("id", /^row-\d+$/);

  // Change filters: each lands in the URL.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("group", { name: "Kinds" }).getByRole("checkbox", { name: "Precondition" }).check();
  await expect(page).toHaveURL(/kinds=precondition/);
  await expect(statementsIn(page)).toHaveCount(3);
  await filters.getByRole("combobox", { name: "Scale" }).selectOption("year");
  await expect(page).toHaveURL(/scale=year/);
  await filters.getByRole("button", { name: "Newest first" }).click();
  await expect(page).toHaveURL(/order=desc/);
  await filters.getByRole("textbox", { name: "From" }).fill("2024-09");
  await filters.getByRole("textbox", { name: "From" }).press("Enter");
  await expect(page).toHaveURL(/\?speakers=\d+&topics=\d+&kinds=precondition&from=2024-09&scale=year&order=desc$/);
  await expect(page.getByRole("heading", { level: 2, name: "2024" })).toBeVisible();
  await expect.poll(() => namesOf(page)).toEqual(["Vladimir Putin, 5 Sep 2024", "Vladimir Putin, 2 Sep 2024"]);
  await expect(page.getByText("Vladimir Putin · Preconditions for negotiations · Preconditions · from Sep 2024")).toBeVisible();

  // Selecting a statement is part of the URL too.
  await page.getByRole("article", { name: "Vladimir Putin, 2 Sep 2024" }).locator("xpath=ancestor::li[1]").getByRole("link", { name: "2 Sep 2024" }).click();
  await expect(page).toHaveURL(/&selected=\d+$/);
  const url = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  expect(await namesOf(other)).toEqual(await namesOf(page));
  await expect(other.getByRole("heading", { level: 2, name: "2024" })).toBeVisible();
  await expect(other.getByRole("form", { name: "Filters" }).getByRole("checkbox", { name: "Flagged only" })).not.toBeChecked();
  await expect(other.getByRole("form", { name: "Filters" }).getByRole("button", { name: "Newest first" })).toHaveAttribute("aria-pressed", "true");
  await expect(other.locator("li[aria-current=true]").getByRole("article")).toHaveAttribute("aria-label", "Vladimir Putin, 2 Sep 2024");
  await fresh.close();
});

test("a saved view is shared read-only at /s/[token], embeds in an iframe, and a revoked link is a plain 404", async ({ page, browser, demo }) => {
  await openPutinPreconditions(page, demo.slug);
  const title = `Putin on talks ${Date.now()}`;
  const save = page.getByRole("form", { name: "Save view" });
  await save.getByRole("textbox", { name: "Title" }).fill(title);
  await save.getByRole("textbox", { name: "Description" }).fill("Four statements, three months.");
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${title}”.` })).toBeVisible();
  const saved = page.getByRole("list", { name: "Saved timelines" });
  await expect(saved.getByRole("link", { name: title })).toBeVisible();

  await saved.getByRole("button", { name: `Share “${title}”` }).click();
  const dialog = page.getByRole("dialog", { name: `Share “${title}”` });
  const publicUrl = await dialog.getByRole("textbox", { name: "Public link" }).inputValue();
  expect(publicUrl).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/);
  await expect(dialog.getByRole("textbox", { name: "Embed code" })).toHaveValue(`<iframe src="${publicUrl}/embed" title="${title}" width="100%" height="600" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`);
  const ownerNames = await namesOf(page);

  const anon = await browser.newContext();
  expect(await anon.cookies()).toEqual([]);
  const pub = await anon.newPage();
  const response = await pub.goto(publicUrl);
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  await expect(pub.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(pub.getByText("Vladimir Putin · Preconditions for negotiations · Jun–Sep 2024")).toBeVisible();
  expect(await namesOf(pub)).toEqual(ownerNames);
  await expect(pub.getByRole("article", { name: "Vladimir Putin, 2 Sep 2024" }).getByRole("button", { name: "Flag: Full flop with statement of 12 Aug 2024" })).toBeVisible();
  await expect(pub.getByText(/Podolyak|Zelensky/)).toHaveCount(0);
  await expect(pub.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
  await expect(pub.getByRole("link", { name: "Export as CSV" })).toHaveAttribute("href", /\/timeline\.csv$/);
  await expect(pub.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(pub.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(pub.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/opengraph-image/);
  await expectAccessible(pub);

  const csv = await anon.request.get(`${publicUrl}/timeline.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(5);
  expect(text).toContain("Full flop with Vladimir Putin, 2024-08-12");

  const embedResponse = await pub.goto(`${publicUrl}/embed`);
  expect(embedResponse?.headers()["content-security-policy"]).toMatch(/(^|;\s*)frame-ancestors \*(;|$)/);
  expect(embedResponse?.headers()["x-frame-options"]).toBeUndefined();
  await expectAccessible(pub);

  await pub.setContent(`<!doctype html><html lang="en"><title>Host page</title><h1>A newsroom article</h1><iframe src="${publicUrl}/embed" title="Embedded timeline" width="900" height="700"></iframe>`);
  const frame = pub.frameLocator('iframe[title="Embedded timeline"]');
  await expect(frame.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(frame.getByRole("article", { name: "Vladimir Putin, 12 Aug 2024" })).toBeVisible();
  await expect(frame.getByRole("article", { name: "Vladimir Putin, 2 Sep 2024" }).getByRole("button", { name: /Full flop/ })).toBeVisible();

  await dialog.getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog.getByText("This timeline is not shared.")).toBeVisible();
  for (const path of ["", "/embed", "/timeline.csv"]) {
    const gone = await pub.goto(`${publicUrl}${path}`);
    expect(gone?.status()).toBe(404);
  }
  await expect(pub.getByText(title)).toHaveCount(0);
  await anon.close();
});
