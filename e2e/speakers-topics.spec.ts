import { eq } from "drizzle-orm";
import { speakers, statements } from "@/db/schema";
import { createSpeaker } from "@/db/queries/speakers";
import { ensureLocalUser } from "@/db/queries/users";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";
import type { Page } from "@playwright/test";

const entry = (page: Page, name: string) => page.getByRole("article", { name });

test("rename and merge a speaker by keyboard; the old name stays as an alias", async ({ page, demo }) => {
  const db = testDb();
  const actorId = ensureLocalUser(db).id;
  const putin = db.select().from(speakers).all().find((s) => s.workspaceId === demo.id && s.name === "Vladimir Putin")!;
  const dup = db.transaction((tx) => createSpeaker(tx, { workspaceId: demo.id, name: "V. Putin", aliases: ["VVP"], actorId }));
  const moved = db.select().from(statements).where(eq(statements.speakerId, putin.id)).all()[0];
  db.update(statements).set({ speakerId: dup.id }).where(eq(statements.id, moved.id)).run();

  await page.goto(`/w/${demo.slug}/speakers`);
  await expect(page.getByRole("heading", { level: 1, name: "Speakers" })).toBeVisible();
  await expectAccessible(page);

  // Rename by keyboard; a name another speaker has is refused with a message.
  await page.getByRole("button", { name: "Rename Mykhailo Podolyak" }).focus();
  await page.keyboard.press("Enter");
  const name = page.getByRole("textbox", { name: "New name" });
  await expect(name).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("volodymyr zelensky");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /already called “Volodymyr Zelensky”.*merge them instead/ })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Mykhailo Podoliak");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Renamed to “Mykhailo Podoliak”." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Mykhailo Podoliak" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename Mykhailo Podoliak" })).toBeFocused();

  // Merge the duplicate into Vladimir Putin, by keyboard, through the confirm dialog.
  await page.getByRole("button", { name: "Merge V. Putin" }).focus();
  await page.keyboard.press("Enter");
  const target = page.getByRole("combobox", { name: "Merge “V. Putin” into" });
  await target.focus();
  await target.selectOption({ label: "Vladimir Putin" });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Merge…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Merge “V. Putin” into “Vladimir Putin”?" });
  await expect(dialog).toContainText("1 statement will move to “Vladimir Putin”");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Merge…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "Merge speakers" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Merged into Vladimir Putin: 1 statement moved" })).toBeVisible();
  await expect(entry(page, "V. Putin")).toHaveCount(0);
  const merged = entry(page, "Vladimir Putin");
  await expect(merged).toContainText("Also known as: Putin, Владимир Путин, V. Putin, VVP");
  await expect(merged.getByRole("link", { name: "4 statements" })).toBeVisible();

  // The statements table finds the merged statement under the old name.
  await page.goto(`/w/${demo.slug}/statements?q=VVP`);
  await expect(page.getByRole("status").filter({ hasText: "4 statements" })).toBeVisible();
});

test("edit a speaker's aliases; topics can be renamed, given a proposition and merged", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}/speakers`);
  await page.getByRole("button", { name: "Edit details of Volodymyr Zelensky" }).click();
  const aliases = page.getByRole("textbox", { name: "Aliases" });
  await aliases.fill("Zelensky\nZelenskyy\nVolodymyr Zelenskyi");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the details of Volodymyr Zelensky." })).toBeVisible();
  await expect(entry(page, "Volodymyr Zelensky")).toContainText("Zelensky, Zelenskyy, Volodymyr Zelenskyi");

  await page.goto(`/w/${demo.slug}/topics`);
  await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Rename Ukraine and NATO" }).click();
  await page.getByRole("textbox", { name: "New name" }).fill("  ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A name is required." })).toBeVisible();
  await page.getByRole("textbox", { name: "New name" }).fill("NATO membership");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "NATO membership" })).toBeVisible();

  await page.getByRole("button", { name: "Edit details of NATO membership" }).click();
  await page.getByRole("textbox", { name: "Proposition" }).fill("Should Ukraine join NATO?");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(entry(page, "NATO membership")).toContainText("Should Ukraine join NATO?");

  await page.getByRole("button", { name: "Merge NATO membership" }).click();
  await page.getByRole("combobox", { name: "Merge “NATO membership” into" }).selectOption({ label: "Preconditions for negotiations" });
  await page.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("1 statement will move");
  await dialog.getByRole("button", { name: "Merge topics" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 already had a stance on Preconditions for negotiations and kept it." })).toBeVisible();
  await expect(entry(page, "NATO membership")).toHaveCount(0);
  await expect(entry(page, "Preconditions for negotiations").getByRole("link", { name: "6 statements" })).toBeVisible();
  await expect(entry(page, "Preconditions for negotiations")).toContainText("Also filed as: NATO membership");
});
