"use client";

import { useEffect, useState } from "react";

type Theme = "system" | "light" | "dark";

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read the stored choice once on mount
    setTheme((localStorage.getItem("claimline-theme") as Theme | null) ?? "system");
  }, []);
  function choose(next: Theme) {
    setTheme(next);
    if (next === "system") {
      localStorage.removeItem("claimline-theme");
      document.documentElement.removeAttribute("data-theme");
    } else {
      localStorage.setItem("claimline-theme", next);
      document.documentElement.setAttribute("data-theme", next);
    }
  }
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      <span>Theme</span>
      <select value={theme} onChange={(e) => choose(e.target.value as Theme)} className="rounded border border-line bg-panel px-1 py-0.5 text-xs text-ink">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
