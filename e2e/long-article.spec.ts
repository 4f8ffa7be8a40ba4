import { expect, expectAccessible, test, testDb } from "./support/fixtures";
import { seedLongTimeline } from "./support/long-timeline";

const COUNT = 60;

test("a long article's statement column lays out only the cards near the screen, and a highlight still finds its card", async ({ page, emptyWorkspace }) => {
  // One article holding 60 statements, each its own paragraph "[row n] We said this on day n."
  const { statementIds } = seedLongTimeline(testDb(), emptyWorkspace.id, COUNT, []);
  const { article_id: articleId } = testDb().$client.prepare("SELECT article_id FROM statements WHERE id = ?").get(statementIds[0]) as { article_id: number };
  await page.goto(`/w/${emptyWorkspace.slug}/articles/${articleId}`);
  await expect(page.locator("html")).toHaveAttribute("data-highlights-ready", String(COUNT));

  // The first screen of cards is laid out at once; the rest wait until scrolled near.
  const cards = page.getByRole("list", { name: "Statements" }).locator(":scope > li");
  await expect(cards).toHaveCount(COUNT);
  const visibility = (i: number) => cards.nth(i).evaluate((el) => getComputedStyle(el).contentVisibility);
  expect(await visibility(0)).toBe("visible");
  expect(await visibility(7)).toBe("visible");
  expect(await visibility(8)).toBe("auto");
  expect(await visibility(COUNT - 1)).toBe("auto");

  // Clicking the words of statement 50, far down the text, focuses its card and brings it into view.
  const words = page.locator("[data-article-text] p", { hasText: "[row 50] " });
  await words.scrollIntoViewIfNeeded();
  await words.click();
  const card = page.locator(`#statement-${statementIds[49]}`);
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await expect(card.getByText("[row 50] We said this on day 50.")).toBeVisible();
  await expectAccessible(page);
});
