import { DEMO_SLUG } from "@/db/seed-data";
import { expect, expectAccessible, test } from "./support/fixtures";

test("the home page lists the demo workspace and opens it with its statements", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Negotiation preconditions, 2024/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO_SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation preconditions, 2024" })).toBeVisible();
  const recent = page.getByRole("list", { name: "Recent statements" });
  await expect(recent.getByText(/“Russia had never refused peace talks/)).toBeVisible();
  await expect(recent.getByRole("article", { name: /Vladimir Putin, 2 Sep 2024/ })).toBeVisible();
  await expectAccessible(page);
});

test("a workspace can be created by keyboard, and a bad name is refused with a message", async ({ page }) => {
  await page.goto("/");
  const name = page.getByRole("textbox", { name: "Name" });
  await name.focus();
  await name.fill("   ");
  await page.getByRole("button", { name: "Create workspace" }).press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "A name is required" })).toBeVisible();
  const unique = `Energy promises ${Date.now()}`;
  await name.fill(unique);
  await name.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: unique })).toBeVisible();
  await expect(page.getByText("No statements yet")).toBeVisible();
});

test("an unknown workspace is a plain 404", async ({ page }) => {
  const response = await page.goto("/w/no-such-workspace");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("the theme the reader picks is painted by the server on every page and reload, and System follows the OS again", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  const theme = page.getByRole("combobox", { name: "Theme" });
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await expect(html).not.toHaveAttribute("data-theme");
  const light = await paper();

  await theme.selectOption("dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  const dark = await paper();
  expect(dark).not.toBe(light);
  // The server sends the choice in the HTML itself, so the first paint is already dark.
  expect(await (await page.request.get("/api-docs")).text()).toMatch(/<html[^>]* data-theme="dark"/);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(theme).toHaveValue("dark");
  expect(await paper()).toBe(dark);
  await expectAccessible(page);

  await theme.selectOption("system");
  await page.reload();
  await expect(html).not.toHaveAttribute("data-theme");
  await expect(theme).toHaveValue("system");
  expect(await paper()).toBe(light);
});
