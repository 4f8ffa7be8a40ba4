"use client";

import { useState } from "react";
import { THEMES, themeCookie, type Theme } from "@/lib/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** `initial` is the theme the server rendered the page in (from the cookie), so the select starts right. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.cookie = themeCookie(next);
    if (next === "system") document.documentElement.removeAttribute("data-theme");
    else document.documentElement.setAttribute("data-theme", next);
  }
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      <span>Theme</span>
      <select value={theme} onChange={(e) => choose(e.target.value as Theme)} className="rounded border border-line bg-panel px-1 py-0.5 text-xs text-ink">
        {THEMES.map((t) => <option key={t} value={t}>{LABELS[t]}</option>)}
      </select>
    </label>
  );
}
