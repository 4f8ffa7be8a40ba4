import { eq } from "drizzle-orm";
import { articles, statements } from "@/db/schema";
import { createStatementInput } from "@/lib/validation/statement";
import { createStatement } from "@/db/queries/statements";
import { importArticle } from "@/db/queries/article-import";
import { ensureLocalUser } from "@/db/queries/users";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";
import { seedLongTimeline } from "./support/long-timeline";

const EARLIER = "We will keep the fuel subsidies for as long as this government stands";
const LATER = "The fuel subsidies end next month, because the budget no longer allows them";

/** Two statements by one minister in one article, months apart and with no stance tagged, so nothing is flagged yet. */
function seedMinister(workspaceId: number) {
  const db = testDb();
  const actorId = ensureLocalUser(db).id;
  const article = importArticle(db, { workspaceId, actorId, input: { kind: "text", text: `In March the minister said: ${EARLIER}.\n\nIn July she said: ${LATER}.` }, meta: { title: "The subsidy U-turn" } });
  const make = (quote: string, saidOn: string) => createStatement(db, {
    workspaceId, actorId,
    input: createStatementInput.parse({ articleId: article.id, quote, speaker: "Jane Minister", saidOn, saidOnPrecision: "day", kind: "promise" }),
  }).id;
  return { earlierId: make(EARLIER, "2024-03-04"), laterId: make(LATER, "2024-07-09") };
}

test("link two statements through the search dialog by keyboard, and see the flag on both cards and in the inbox", async ({ page, emptyWorkspace }) => {
  const { earlierId, laterId } = seedMinister(emptyWorkspace.id);
  await page.goto(`/w/${emptyWorkspace.slug}/statements/${laterId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Jane Minister, 9 Jul 2024" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Flags (0)" })).toBeVisible();

  const trigger = page.getByRole("button", { name: "Link to an earlier statement" });
  await page.locator("body").press("l");
  const dialog = page.getByRole("dialog", { name: "Link to an earlier statement" });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole("searchbox", { name: "Search statements" });
  await expect(search).toBeFocused();
  await search.pressSequentially("subsid govern");
  const result = dialog.getByRole("radio", { name: new RegExp(`Jane Minister · 4 Mar 2024 .*${EARLIER}`) });
  await expect(result).toBeVisible();
  await expect(dialog.getByRole("radio", { name: new RegExp(LATER) })).toHaveCount(0);
  await result.focus();
  await page.keyboard.press("Space");
  await expect(result).toBeChecked();
  // Number keys pick the relation; the verdict follows it.
  await page.keyboard.press("2");
  await expect(dialog.getByRole("radio", { name: /Reverses/ })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "Full flop" })).toBeChecked();
  await page.keyboard.press("3");
  await expect(dialog.getByRole("radio", { name: /Softens/ })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "Half flip" })).toBeChecked();
  await dialog.getByRole("textbox", { name: "Rationale" }).fill("Promised to keep the subsidies, then ended them.");
  await dialog.getByRole("button", { name: "Save link" }).press("Enter");

  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  const links = page.getByRole("listitem", { name: "Softens an earlier statement: Jane Minister" });
  await expect(links.getByText(`“${EARLIER}”`)).toBeVisible();
  await expect(links.getByText(`“${LATER}”`)).toBeVisible();
  const flagTitle = "Jane Minister, 9 Jul 2024, softens their own statement of 4 Mar 2024";
  await expect(page.getByRole("listitem", { name: flagTitle }).getByText("Half flip")).toBeVisible();

  await page.goto(`/w/${emptyWorkspace.slug}/statements/${earlierId}`);
  await expect(page.getByRole("listitem", { name: "Softened by a later statement: Jane Minister" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: flagTitle })).toBeVisible();

  await page.goto(`/w/${emptyWorkspace.slug}/flags`);
  const card = page.getByRole("article", { name: flagTitle });
  await expect(card).toBeVisible();
  await expect(card.getByText(`“${EARLIER}”`)).toBeVisible();
  await expect(card.getByText(`“${LATER}”`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Linked and confirmed (1)" })).toBeVisible();
});

test("an already linked statement cannot be chosen again, a same-day link saves, and Escape closes the dialog", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}/flags?rule=dispute`);
  await page.getByRole("article", { name: /^Mykhailo Podolyak/ }).getByRole("link", { name: "Statement card" }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mykhailo Podolyak, 14 Jun 2024" })).toBeVisible();
  await page.getByRole("button", { name: "Link to an earlier statement" }).click();
  const dialog = page.getByRole("dialog", { name: "Link to an earlier statement" });
  await dialog.getByRole("searchbox", { name: "Search statements" }).fill("Zaporizhzhia");
  // Already linked to the June terms: shown, but cannot be chosen again.
  await expect(dialog.getByRole("radio", { name: /already linked/ })).toBeDisabled();
  await dialog.getByRole("combobox", { name: "Speaker" }).selectOption({ label: "Volodymyr Zelensky" });
  await dialog.getByRole("searchbox", { name: "Search statements" }).fill("");
  await dialog.getByRole("radio", { name: /ultimatum/ }).check();
  await dialog.getByRole("button", { name: "Save link" }).click();
  await expect(page.getByRole("heading", { name: "Links (2)" })).toBeVisible();
  await page.keyboard.press("l");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Link to an earlier statement" })).toBeFocused();
});

test("dismiss a detected flag in the inbox; it stays dismissed after reload and can be undone", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}/flags`);
  const title = "Vladimir Putin changed stance on Preconditions for negotiations between 2 Sep 2024 and 5 Sep 2024";
  const open = page.getByRole("region", { name: /^Open: detected stance shifts/ });
  await expect(open.getByRole("article", { name: title })).toBeVisible();
  await open.getByRole("button", { name: `Dismiss: ${title}` }).click();
  const dismissed = page.getByRole("region", { name: /^Dismissed/ });
  await expect(dismissed.getByRole("article", { name: title })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: /^Dismissed/ }).getByRole("article", { name: title })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Open: detected stance shifts/ }).getByRole("article", { name: title })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: `Undo review: ${title}` }).click();
  await expect(page.getByRole("region", { name: /^Open: detected stance shifts/ }).getByRole("article", { name: title })).toBeVisible();
});

test("filters live in the URL, and confirming a shift with a verdict moves it to confirmed", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}/flags`);
  await page.getByRole("combobox", { name: "Speaker" }).selectOption({ label: "Mykhailo Podolyak" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/speaker=\d+/);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article").first()).toHaveAccessibleName(/^Mykhailo Podolyak, 14 Jun 2024, contradicts Vladimir Putin/);

  await page.goto(`/w/${demo.slug}/flags?tab=open`);
  const title = "Vladimir Putin changed stance on Preconditions for negotiations between 14 Jun 2024 and 12 Aug 2024";
  const card = page.getByRole("article", { name: title });
  await card.getByRole("combobox", { name: "Verdict" }).selectOption("full_flop");
  await card.getByRole("button", { name: `Confirm: ${title}` }).click();
  await expect(page.getByRole("article", { name: title })).toHaveCount(0);
  await page.goto(`/w/${demo.slug}/flags?tab=confirmed`);
  const confirmed = page.getByRole("article", { name: title });
  await expect(confirmed.getByText("Confirmed as Full flop")).toBeVisible();
  // The badge (glyph + word) carries the confirmed verdict as the severity.
  await expect(confirmed.getByText(/^\W?Full flop$/)).toBeVisible();
});

test("the statement page shows suggestions to link or dismiss, the overview counts open flags, and pages pass axe", async ({ page, demo }) => {
  await page.goto(`/w/${demo.slug}`);
  await expect(page.getByRole("heading", { name: "Open flags: 6" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Top open flags" }).getByRole("listitem")).toHaveCount(3);
  await expectAccessible(page);

  await page.getByRole("list", { name: "Recent statements" }).getByRole("link", { name: "Vladimir Putin" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Vladimir Putin, 5 Sep 2024" })).toBeVisible();
  await expect(page.getByText("(exact day)")).toBeVisible();
  const suggestions = page.getByRole("complementary", { name: "Suggested earlier statements" });
  const first = suggestions.getByRole("listitem").first();
  await expect(first.getByText(/Why: same speaker and topic: Preconditions for negotiations/)).toBeVisible();
  const name = (await first.getAttribute("aria-label"))!.replace(/^Suggestion: /, "");
  await expectAccessible(page);
  await suggestions.getByRole("button", { name: `Not related: ${name}` }).click();
  await expect(suggestions.getByRole("listitem", { name: `Suggestion: ${name}` })).toHaveCount(0);
  await page.reload();
  await expect(suggestions.getByRole("listitem", { name: `Suggestion: ${name}` })).toHaveCount(0);

  const next = suggestions.getByRole("listitem").first();
  const nextName = (await next.getAttribute("aria-label"))!.replace(/^Suggestion: /, "");
  await next.getByRole("combobox", { name: "Relation" }).selectOption("restates");
  await next.getByRole("button", { name: `Link to ${nextName}` }).click();
  await expect(page.getByRole("listitem", { name: `Restates an earlier statement: ${nextName.split(",")[0]}` })).toBeVisible();

  await page.getByRole("button", { name: "Link to an earlier statement" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page);
});

test("the reader's cards show their flags, jump to the other statement, and L on a card opens the link dialog", async ({ page, demo }) => {
  const september = testDb().select().from(articles).where(eq(articles.workspaceId, demo.id)).all().find((a) => a.title.includes("never refused"))!;
  await page.goto(`/w/${demo.slug}/articles/${september.id}`);
  const kyzyl = page.getByRole("article", { name: "Statement by Vladimir Putin, 2 Sep 2024" });
  const flags = kyzyl.getByRole("list", { name: "Flags" });
  await expect(flags.getByRole("listitem").filter({ hasText: "Full flop" }).getByRole("link", { name: "with Vladimir Putin, 12 Aug 2024" })).toBeVisible();
  await expect(flags.getByRole("listitem").filter({ hasText: "Half flip" }).getByRole("link", { name: "with Vladimir Putin, 14 Jun 2024" })).toBeVisible();
  // Two September statements with different conditions: a shift the engine found, in this same article.
  const vladivostok = page.getByRole("article", { name: "Statement by Vladimir Putin, 5 Sep 2024" });
  await kyzyl.getByRole("link", { name: "with Vladimir Putin, 5 Sep 2024" }).click();
  await expect(vladivostok).toBeFocused();
  await expect(vladivostok.getByText("(detected, not yet reviewed)")).toBeVisible();
  await expectAccessible(page);

  await page.keyboard.press("l");
  await expect(page).toHaveURL(/\/statements\/\d+\?link=1$/);
  const dialog = page.getByRole("dialog", { name: "Link to an earlier statement" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("searchbox", { name: "Search statements" })).toBeFocused();
});

test("a link's verdict and rationale can be revised by keyboard, and its flag follows", async ({ page, demo }) => {
  const kyzyl = testDb().select().from(statements).where(eq(statements.workspaceId, demo.id)).all().find((s) => s.quote.includes("bandits"))!;
  await page.goto(`/w/${demo.slug}/statements/${kyzyl.id}`);
  const item = page.getByRole("listitem", { name: "Softens an earlier statement: Vladimir Putin" });
  const edit = item.getByRole("button", { name: "Edit link with Vladimir Putin, 14 Jun 2024" });
  await edit.focus();
  await page.keyboard.press("Enter");
  await expect(edit).toHaveAttribute("aria-expanded", "true");
  const form = item.getByRole("form", { name: "Edit link with Vladimir Putin, 14 Jun 2024" });
  await form.getByRole("combobox", { name: "Verdict" }).selectOption("full_flop");
  await form.getByRole("textbox", { name: "Rationale" }).fill("From four regions and NATO to Kursk alone.");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save link" }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Link updated: softens, full flop." })).toBeVisible();
  await page.reload();
  const flag = page.getByRole("listitem", { name: /softens their own statement of 14 Jun 2024/ });
  await expect(flag.getByText("Full flop")).toBeVisible();
  await expect(flag.getByText("From four regions and NATO to Kursk alone.")).toBeVisible();
});

test("a big inbox shows fifty flags a section, and pages through a section in its own tab", async ({ page, emptyWorkspace }) => {
  // 60 "contradicts" links, each between two statements of the same speaker: 60 linked flags.
  seedLongTimeline(testDb(), emptyWorkspace.id, 130, Array.from({ length: 60 }, (_, k): [number, number] => [2 * k + 2, 2 * k]));
  await page.goto(`/w/${emptyWorkspace.slug}/flags`);
  const linked = page.getByRole("region", { name: /^Linked and confirmed \(60\)/ });
  await expect(linked.getByText("1–50 of 60")).toBeVisible();
  await expect(linked.getByRole("article")).toHaveCount(50);

  await linked.getByRole("link", { name: "All 60 in Linked and confirmed" }).click();
  await expect(page).toHaveURL(/[?&]tab=confirmed/);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  const second = page.getByRole("region", { name: /^Linked and confirmed/ });
  await expect(second.getByText("51–60 of 60")).toBeVisible();
  await expect(second.getByRole("article")).toHaveCount(10);
  await expect(page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page →" })).toHaveCount(0);
  await expectAccessible(page);

  // A hand-edited page past the end shows the last one.
  await page.goto(`/w/${emptyWorkspace.slug}/flags?tab=confirmed&page=99`);
  await expect(page.getByRole("region", { name: /^Linked and confirmed/ }).getByText("51–60 of 60")).toBeVisible();
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "← Previous page" }).click();
  await expect(page.getByRole("region", { name: /^Linked and confirmed/ }).getByText("1–50 of 60")).toBeVisible();
});
