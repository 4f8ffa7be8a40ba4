"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "", label: "Overview" },
  { href: "/articles", label: "Articles" },
  { href: "/statements", label: "Statements" },
  { href: "/timeline", label: "Timeline" },
  { href: "/flags", label: "Flags" },
  { href: "/speakers", label: "Speakers" },
  { href: "/topics", label: "Topics" },
];

export function WorkspaceNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const root = `/w/${slug}`;
  return (
    <ul className="flex flex-wrap gap-1 text-sm">
      {SECTIONS.map((s) => {
        const href = root + s.href;
        const current = s.href === "" ? pathname === root : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={s.label}>
            <Link href={href} aria-current={current ? "page" : undefined}
              className={`rounded px-2 py-1 ${current ? "bg-accent/15 font-semibold text-ink" : "text-muted hover:text-ink"}`}>
              {s.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
