import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./errors";
import { extractArticle, textToSnapshot, toIsoDate } from "./extract";
import { normalizeText } from "./normalize";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ImportError ? err.code : `non-ImportError: ${String(err)}`;
  }
  return undefined;
}

describe("extractArticle: news page with nav, ads, sidebar and comments", () => {
  const got = extractArticle(fixture("news-page.html"), { url: "https://www.dailyledger.example/politics/rail-2030" });

  it("keeps the article paragraphs and drops the page chrome around them", () => {
    expect(got.usedFallback).toBe(false);
    expect(got.text).toContain("The transport minister promised on Friday");
    expect(got.text).toContain("This is the third deadline in five years.");
    for (const junk of ["Holidays in the sun", "By Jane Doe", "Politics", "Most read", "lol this will never happen", "Subscribe", "All rights reserved", "mattresses"]) {
      expect(got.text).not.toContain(junk);
    }
  });

  it("separates paragraphs with one blank line and keeps <br> as a single newline", () => {
    expect(got.text).toContain('launch event in Leeds.\n"No ifs, no buts."');
    expect(got.text).toContain("reversing her position from last year.\n\n\"We will deliver");
    expect(got.text).toBe(normalizeText(got.text));
  });

  it("reads the metadata: og:title, byline, og:site_name, the date as printed, html lang", () => {
    expect(got).toMatchObject({
      title: "Minister pledges new rail line by 2030",
      byline: "Jane Doe",
      publisher: "The Daily Ledger",
      publishedAt: "2024-03-01", // not 2024-03-02, which UTC conversion would give
      language: "en-GB",
    });
  });

  it("returns sanitised HTML with relative links made absolute", () => {
    expect(got.html).toContain('<a href="https://www.dailyledger.example/topics/rail" rel="noopener noreferrer nofollow ugc">open to passengers</a>');
    expect(got.html).not.toMatch(/<script|<style|class=/);
  });

});

describe("extractArticle: page with JSON-LD", () => {
  const got = extractArticle(fixture("jsonld-page.html"));

  it("takes datePublished from the article node of the JSON-LD graph, surviving a broken block", () => {
    expect(got.publishedAt).toBe("2023-11-14");
  });

  it("extracts the story, including table rows as lines", () => {
    expect(got.text).toContain("la piscine municipale ne rouvrirait pas avant 2026");
    expect(got.text).toContain("Coût initial 2 M€");
    expect(got.text).not.toContain("Accueil");
    expect(got.language).toBe("fr");
  });

  it("falls back to <title>, and takes byline and publisher from the JSON-LD via Readability", () => {
    expect(got.title).toBe("Le maire revient sur sa promesse");
    expect(got).toMatchObject({ byline: "Luc Martin", publisher: "Le Quotidien" });
  });
});

describe("extractArticle: page Readability can't handle", () => {
  const got = extractArticle(fixture("fallback-page.html"), { url: "https://www.riverside.example/minutes/2024-06-04" });

  it("falls back to the body minus nav, header, aside, footer and scripts", () => {
    expect(got.usedFallback).toBe(true);
    expect(got.text).toBe(
      'Minutes\n\nItem 1. The chair said the bridge would reopen in May.\n\nItem 2. Cllr Patel: "We never promised May."\nChair: "Noted."\n\nMotion carried 5–2\n\nNext meeting 2 July\n\n4 June 2024',
    );
  });

  it("never runs the page's scripts (one would have replaced the body)", () => {
    expect(got.text).not.toContain("replaced by script");
    expect(got.text).toContain("Item 1.");
  });

  it("still finds the <time> date and uses the hostname as publisher", () => {
    expect(got.publishedAt).toBe("2024-06-04");
    expect(got.publisher).toBe("riverside.example");
    expect(got.title).toBe("Council minutes, 4 June");
    expect(got.language).toBeNull();
  });
});

describe("extractArticle: refusals", () => {
  it("refuses a page with no text", () => {
    expect(codeOf(() => extractArticle("<html><body><nav>Home</nav><script>x()</script></body></html>"))).toBe("empty");
  });

  it("refuses binary content pasted as HTML", () => {
    expect(codeOf(() => extractArticle("PK\u0003\u0004\u0000\u0000binary"))).toBe("binary");
  });
});

describe("toIsoDate", () => {
  it.each([
    ["2024-03-01T23:30:00-05:00", "2024-03-01"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["2024-13-01", null],
    ["March 1, 2024", null],
    [null, null],
  ])("%s → %s", (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe("textToSnapshot", () => {
  it("normalises pasted text", () => {
    expect(textToSnapshot("  Line one\r\nline two\r\n\r\n\r\nPara two  ")).toBe("Line one\nline two\n\nPara two");
  });

  it("refuses empty and whitespace-only text", () => {
    expect(codeOf(() => textToSnapshot(""))).toBe("empty");
    expect(codeOf(() => textToSnapshot(" \n\u200b\t "))).toBe("empty");
  });

  it("refuses binary content", () => {
    expect(codeOf(() => textToSnapshot("%PDF\u0000\u0001\u0002"))).toBe("binary");
  });
});
