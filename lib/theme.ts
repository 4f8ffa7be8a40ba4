/**
 * The reader's colour theme. "system" follows the operating system; a choice
 * is kept in a cookie, so the server renders `data-theme` on <html> and the
 * page paints in it at once, with no script and no flash of the other theme.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "claimline-theme";

/** A cookie's value as a theme; anything else (missing, old, tampered) is "system". */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** What the toggle assigns to `document.cookie`: a year, the whole site, never sent cross-site. "system" deletes it. */
export function themeCookie(theme: Theme): string {
  return theme === "system"
    ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
