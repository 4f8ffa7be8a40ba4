import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  // Absolute URLs for Open Graph images; set CLAIMLINE_PUBLIC_URL when serving under a public name.
  metadataBase: publicBase(),
  title: { default: "Claimline", template: "%s · Claimline" },
  description: "Tag what public figures said, link it to what they said before, and see where it stops adding up.",
};

function publicBase(): URL {
  try {
    return new URL(process.env.CLAIMLINE_PUBLIC_URL || "");
  } catch {
    return new URL(`http://localhost:${process.env.PORT || 3000}`);
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen">
        <a href="#content" className="skip-link">Skip to content</a>
        <ToastProvider>
          <header data-chrome className="border-b border-line bg-panel/80">
            <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-2.5">
              <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
                <svg aria-hidden="true" width="20" height="20" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="var(--accent)" /><path d="M9 8v16M9 12h9M9 20h14" stroke="var(--accent-ink)" strokeWidth="3" strokeLinecap="round" /></svg>
                Claimline
              </Link>
              <div className="flex items-center gap-4 text-sm">
                <Link href="/api-docs" className="text-muted hover:text-ink">API</Link>
                <ThemeToggle initial={theme} />
              </div>
            </div>
          </header>
          <div id="content" tabIndex={-1} className="outline-none">{children}</div>
        </ToastProvider>
      </body>
    </html>
  );
}
