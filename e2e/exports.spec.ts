import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { exportWorkspaceDump } from "@/db/queries/workspace-dump";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";

test("statements.csv downloads from the Export menu, by keyboard, with a header and the demo's rows", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}`);
  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.focus();
  await page.keyboard.press("Enter");
  await expect(exportButton).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(exportButton).toHaveAttribute("aria-expanded", "false");
  await expect(exportButton).toBeFocused();

  await exportButton.click();
  await page.getByRole("checkbox", { name: /byte order mark/ }).check();
  const downloading = page.waitForEvent("download");
  await page.getByRole("list", { name: "Downloads" }).getByRole("link", { name: "Statements (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${demo.slug}-statements-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(bytes, { bom: true });
  expect(rows[0].slice(0, 4)).toEqual(["id", "workspace", "speaker", "said_on"]);
  const kyzyl = rows.find((r) => r[8]?.startsWith("Russia had never refused peace talks"));
  expect(kyzyl?.slice(1, 5)).toEqual([demo.slug, "Vladimir Putin", "2024-09-02", "day"]);
  expect(kyzyl?.at(-1)).toMatch(new RegExp(`/w/${demo.slug}/statements/${kyzyl?.[0]}$`));
});

test("JSON downloads are served as JSON that a browser will not sniff as HTML", async ({ request, demo }) => {
  const response = await request.get(`/w/${demo.slug}/export/workspace.json`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toContain(`attachment; filename="${demo.slug}-workspace-`);
  expect((await response.json()).formatVersion).toBe(1);
  expect((await request.get(`/w/no-such-workspace-here/export/statements.csv`)).status()).toBe(404);
  expect((await request.get(`/w/${demo.slug}/export/passwords.txt`)).status()).toBe(404);
});

test("a workspace.json imports through the UI as a new workspace with its statements", async ({ page, demo }) => {
  const dump = exportWorkspaceDump(testDb(), { workspaceId: demo.id });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimline-e2e-import-")), "workspace.json");
  fs.writeFileSync(file, JSON.stringify(dump));
  const name = `Imported copy ${demo.slug}`;

  await page.goto("/");
  await page.getByRole("link", { name: /Import a workspace from a workspace\.json file/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a workspace" })).toBeVisible();
  await expectAccessible(page);
  // A foreign file is refused with a message and nothing is created.
  const foreign = path.join(path.dirname(file), "other.json");
  fs.writeFileSync(foreign, JSON.stringify({ items: [] }));
  await page.getByLabel("workspace.json file").setInputFiles(foreign);
  await page.getByRole("button", { name: "Import workspace" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a Claimline workspace export" })).toBeVisible();

  await page.getByLabel("workspace.json file").setInputFiles(file);
  await page.getByRole("textbox", { name: "Name of the new workspace" }).fill(name);
  await page.getByRole("button", { name: "Import workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // A new workspace beside the original, whose address was taken.
  await expect(page).toHaveURL(new RegExp(`/w/${demo.slug}-\\d+$`));
  const recent = page.getByRole("list", { name: "Recent statements" });
  await expect(recent.getByText(/“Russia had never refused peace talks/)).toBeVisible();
});

test("statements import from CSV after a dry run that lists errors by line", async ({ page, demo }) => {
  const csv = [
    "speaker,date,quote,source url,topic,stance",
    "Sergei Lavrov,2024-06,a peace conference in Switzerland,https://example.org/claimline-demo/2024-06-14-putin-terms,Peace summit,opposes",
    "Sergei Lavrov,2024-06-14,words that are nowhere,https://example.org/claimline-demo/2024-06-14-putin-terms,,",
  ].join("\r\n");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimline-e2e-csv-")), "statements.csv");
  fs.writeFileSync(file, csv);

  await page.goto(`/w/${demo.slug}`);
  await page.getByRole("link", { name: "Import statements from CSV" }).click();
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Check file (dry run)" }).click();
  await expect(page.getByRole("heading", { name: "Dry run: 1 to import, 1 with errors" })).toBeVisible();
  const errors = page.getByRole("table", { name: /Rows with errors/ });
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors.getByRole("row").nth(1)).toContainText(/The quote does not occur in the article/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 1 statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText(/Imported 1 statement; skipped 1 row with errors\./);
  await page.goto(`/w/${demo.slug}`);
  await expect(page.getByRole("list", { name: "Recent statements" }).getByText(/a peace conference in Switzerland/)).toBeVisible();
});

test("the statements table has the same Export menu", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}/statements`);
  await page.getByRole("button", { name: "Export" }).click();
  const links = page.getByRole("list", { name: "Downloads" }).getByRole("link");
  await expect(links).toHaveCount(6);
  await expect(links.filter({ hasText: "Links (CSV)" })).toHaveAttribute("href", `/w/${demo.slug}/export/links.csv`);
  await expectAccessible(page);
});
