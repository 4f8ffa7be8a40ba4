import { eq } from "drizzle-orm";
import { statements } from "@/db/schema";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";
import type { Page } from "@playwright/test";

const table = (page: Page) => page.getByRole("table", { name: /^Statements/ });
const bodyRows = (page: Page) => table(page).getByRole("row").filter({ has: page.getByRole("cell") });

test("filter by speaker and topic, search, sort by keyboard; the URL reproduces the view in a fresh context", async ({ page, demo, browser }) => {
  await page.goto(`/w/${demo.slug}/statements`);
  await expect(page.getByRole("heading", { level: 1, name: "Statements" })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(6);
  await expect(page.getByRole("status").filter({ hasText: "6 statements" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "Speaker" }).selectOption({ label: "Vladimir Putin" });
  await page.getByRole("combobox", { name: "Topic" }).selectOption({ label: "Preconditions for negotiations" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/speaker=\d+/);
  await expect(page).toHaveURL(/topic=\d+/);
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(bodyRows(page).first()).toContainText("5 Sep 2024");

  // Sort by keyboard: the column header is a link; aria-sort tells which way.
  const saidOn = page.getByRole("columnheader", { name: /Said on/ });
  await expect(saidOn).toHaveAttribute("aria-sort", "descending");
  await saidOn.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("columnheader", { name: /Said on/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(bodyRows(page).first()).toContainText("14 Jun 2024");
  await expect(bodyRows(page).last()).toContainText("5 Sep 2024");

  const search = page.getByRole("searchbox", { name: "Search statements" });
  await search.fill("bandits");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=bandits/);
  await expect(bodyRows(page)).toHaveCount(1);
  const quote = bodyRows(page).getByRole("link", { name: /Russia had never refused peace talks/ });
  await expect(quote).toBeVisible();
  const id = testDb().select().from(statements).all().find((s) => s.workspaceId === demo.id && s.quote.includes("bandits"))!.id;
  await expect(quote).toHaveAttribute("href", `/w/${demo.slug}/statements/${id}`);
  await expectAccessible(page);

  const url = page.url();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(bodyRows(other)).toHaveCount(1);
  await expect(other.getByRole("searchbox", { name: "Search statements" })).toHaveValue("bandits");
  await expect(other.getByRole("combobox", { name: "Speaker" })).toHaveValue(/\d+/);
  await expect(other.getByRole("combobox", { name: "Speaker" }).locator("option:checked")).toHaveText("Vladimir Putin");
  await expect(other.getByRole("columnheader", { name: /Said on/ })).toHaveAttribute("aria-sort", "ascending");
  await fresh.close();
});

test("pages forwards and back through ties without repeating a row", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}/statements?sort=saidOn&dir=asc&limit=2`);
  const seen: string[] = [];
  const collect = async () => seen.push(...(await bodyRows(page).getByRole("link", { name: /^“/ }).allTextContents()));
  await expect(page.getByRole("link", { name: /Previous page/ })).toHaveCount(0);
  await collect();
  for (let i = 0; i < 2; i++) {
    const before = page.url();
    await page.getByRole("link", { name: /Next page/ }).click();
    await expect(page).not.toHaveURL(before);
    await expect(bodyRows(page)).toHaveCount(2);
    await collect();
  }
  await expect(page.getByRole("link", { name: /Next page/ })).toHaveCount(0);
  expect(new Set(seen).size).toBe(6);
  await page.getByRole("link", { name: /Previous page/ }).click();
  await expect(bodyRows(page).getByRole("link", { name: /^“/ })).toHaveText(seen.slice(2, 4));
});

test("a search with nothing to search, a bad date or a damaged page link gives a message, not an error page", async ({ page, demo }) => {
  for (const [query, message] of [["q=%22", /at least one word/], ["from=2024-13-45", /YYYY-MM-DD/], ["cursor=xyz", /page link/], ["q=NEAR(", /No statements match/]] as const) {
    const response = await page.goto(`/w/${demo.slug}/statements?${query}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(message).first()).toBeVisible();
  }
  await page.goto(`/w/${demo.slug}/statements?q=nothing-like-this`);
  await expect(page.getByRole("heading", { name: "No statements match this view" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).last().click();
  await expect(bodyRows(page)).toHaveCount(6);
  expect(testDb().select().from(statements).where(eq(statements.workspaceId, demo.id)).all()).toHaveLength(6);
});

test("an empty workspace's table teaches how statements are made", async ({ page, emptyWorkspace }) => {
  await page.goto(`/w/${emptyWorkspace.slug}/statements`);
  await expect(page.getByRole("heading", { name: "No statements yet" })).toBeVisible();
  await expect(page.getByText(/select a sentence and choose “Tag statement”/)).toBeVisible();
  await expectAccessible(page);
});
