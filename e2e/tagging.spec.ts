import { eq, or } from "drizzle-orm";
import { importArticle } from "@/db/queries/article-import";
import { articles, links, statements } from "@/db/schema";
import { ensureLocalUser } from "@/db/queries/users";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";

const TEXT = [
  "The minister spoke to reporters on Monday morning in the capital.",
  "We will never raise the fuel tax while I am in office, the minister said. Prices are high enough already.",
  "Later that week the ministry published its budget plan for the coming year.",
].join("\n\n");

async function articleIn(workspaceId: number) {
  const db = testDb();
  return importArticle(db, { workspaceId, actorId: ensureLocalUser(db).id, input: { kind: "text", text: TEXT }, meta: { title: "Fuel tax pledge", publishedAt: "2024-03-04" } });
}

/** Drags the mouse across a phrase of the article, as a person selecting it would. */
async function dragSelect(page: import("@playwright/test").Page, phrase: string) {
  const box = await page.evaluate((needle) => {
    const root = document.querySelector("[data-article-text]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`phrase not found: ${phrase}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

test("tag a statement by mouse and another entirely by keyboard; both survive a reload", async ({ page, emptyWorkspace }) => {
  const article = await articleIn(emptyWorkspace.id);
  await page.goto(`/w/${emptyWorkspace.slug}/articles/${article.id}`);
  await expect(page.getByText("No statements yet.")).toBeVisible();

  // Mouse: select the pledge, use the floating control, fill the form.
  await dragSelect(page, "We will never raise the fuel tax while I am in office");
  await page.getByRole("button", { name: "Tag statement" }).click();
  const form = page.getByRole("form", { name: "Tag statement" });
  await form.getByRole("combobox", { name: "Speaker" }).fill("Finance Minister");
  await form.getByRole("textbox", { name: "Said on" }).fill("2024-03-04");
  await form.getByRole("combobox", { name: "Kind" }).selectOption("promise");
  await form.getByRole("combobox", { name: "Topic 1", exact: true }).fill("Fuel tax");
  await form.getByRole("combobox", { name: "Stance on topic 1" }).selectOption("opposes");
  await form.getByRole("textbox", { name: "Summary" }).fill("No fuel tax rise");
  await form.getByRole("button", { name: "Save statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Statement by Finance Minister saved." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Statement by Finance Minister, 4 Mar 2024" })).toBeVisible();

  // Keyboard only: Tab into the text, move to the third paragraph, select its sentence, tag it.
  await page.reload();
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.hasAttribute("data-start"))); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("s");
  await expect(page.getByRole("status").filter({ hasText: "Later that week the ministry published" })).toBeVisible();
  await page.keyboard.press("t");
  await expect(page.getByRole("combobox", { name: "Speaker" })).toBeFocused();
  await page.keyboard.type("Finance Ministry");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2024-03");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown"); // precision: day → month
  for (let i = 0; i < 2; i++) await page.keyboard.press("Tab"); // kind → topic 1
  await page.keyboard.type("Budget");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Home"); // stance: the first, "Supports"
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Statement by Finance Ministry saved." })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-highlights-ready", "2");
  const mouseCard = page.getByRole("article", { name: "Statement by Finance Minister, 4 Mar 2024" });
  await expect(mouseCard.getByText("Fuel tax:")).toBeVisible();
  await expect(mouseCard.getByText("Opposes")).toBeVisible();
  await expect(mouseCard.getByText("promise")).toBeVisible();
  const keyboardCard = page.getByRole("article", { name: "Statement by Finance Ministry, Mar 2024" });
  await expect(keyboardCard.getByText("“Later that week the ministry published its budget plan for the coming year.”")).toBeVisible();
  await expect(keyboardCard.getByText("Budget:")).toBeVisible();
  await expect(keyboardCard.getByText("Supports")).toBeVisible();
  // Both are painted as highlights over the text (CSS Custom Highlight API).
  const painted = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
  expect(painted).toBeGreaterThanOrEqual(2);
  await expectAccessible(page);
});

test("deleting a linked statement says how many links go with it, and edits are kept in its history", async ({ page, demo }) => {
  const june = testDb().select().from(articles).where(eq(articles.workspaceId, demo.id)).all().find((a) => a.title.startsWith("Putin names his terms"))!;
  await page.goto(`/w/${demo.slug}/articles/${june.id}`);
  const card = page.getByRole("article", { name: "Statement by Vladimir Putin, 14 Jun 2024" });
  await card.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Summary" }).fill("Ceasefire and talks, on two conditions");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(card.getByText("Ceasefire and talks, on two conditions")).toBeVisible();
  await card.getByRole("button", { name: "History" }).click();
  await expect(card.getByRole("list", { name: "History" }).getByText(/update.*summary/i)).toBeVisible();

  let message = "";
  page.once("dialog", (d) => { message = d.message(); void d.accept(); });
  await card.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Statement deleted with 3 links." })).toBeVisible();
  expect(message).toContain("Its 3 links to other statements will be deleted with it.");
  await expect(card).toHaveCount(0);

  // The toast's Undo brings it back with its edit and its three links, and a reload keeps it.
  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Statement by Vladimir Putin restored with 3 links." })).toBeVisible();
  await page.reload();
  await expect(card.getByText("Ceasefire and talks, on two conditions")).toBeVisible();
  const restored = testDb().select().from(statements).where(eq(statements.workspaceId, demo.id)).all().find((s) => s.quote.includes("Zaporizhzhia regions"))!;
  expect(testDb().select().from(links).where(or(eq(links.fromStatementId, restored.id), eq(links.toStatementId, restored.id))).all()).toHaveLength(3);
});
