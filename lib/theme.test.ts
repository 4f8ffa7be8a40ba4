import { describe, expect, it } from "vitest";
import { parseTheme, THEME_COOKIE, themeCookie } from "./theme";

describe("theme cookie", () => {
  it("reads a stored choice and treats anything else as the system theme", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    for (const junk of [undefined, "", "Dark", "blue", "dark;", "system "]) expect(parseTheme(junk)).toBe("system");
  });

  it("keeps a choice for a year on the whole site, and deletes it for the system theme", () => {
    expect(themeCookie("dark")).toBe(`${THEME_COOKIE}=dark; Path=/; Max-Age=31536000; SameSite=Lax`);
    expect(themeCookie("system")).toBe(`${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`);
  });
});
