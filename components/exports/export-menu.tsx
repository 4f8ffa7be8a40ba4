"use client";

import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { EXPORT_FILE_IDS, EXPORT_FILES, isCsvExport } from "@/lib/export/files";

/**
 * A disclosure button with the workspace's downloads. A disclosure (not an
 * ARIA menu) because the items are plain links: Tab moves through them and
 * Escape closes the list and returns focus to the button.
 */
export function ExportMenu({ slug, timelineQuery }: {
  slug: string;
  /** On the timeline: the view's query string, so the first download is exactly the rows on screen. */
  timelineQuery?: string;
}) {
  const [open, setOpen] = useState(false);
  const [bom, setBom] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const timelineParams = new URLSearchParams(timelineQuery);
  if (bom) timelineParams.set("bom", "1");

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="relative" onKeyDown={(e) => { if (e.key === "Escape" && open) { e.stopPropagation(); close(); } }}>
      <button ref={button} type="button" className={buttonClass("secondary")} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        Export <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div ref={panel} id={`${id}-panel`} hidden={!open}
        className="absolute left-0 z-20 mt-1 w-80 rounded-lg border border-line bg-panel p-3 shadow-lg">
        <ul aria-label="Downloads" className="flex flex-col gap-1">
          {timelineQuery !== undefined ? (
            <li className="mb-1 border-b border-line pb-1">
              <a href={`/w/${encodeURIComponent(slug)}/export/timeline.csv?${timelineParams}`}
                download className="block rounded px-2 py-1 text-sm font-medium hover:bg-line/40 focus-visible:bg-line/40">
                This timeline view (CSV)
              </a>
            </li>
          ) : null}
          {EXPORT_FILE_IDS.map((file) => {
            const href = `/w/${encodeURIComponent(slug)}/export/${file}${bom && isCsvExport(file) ? "?bom=1" : ""}`;
            return (
              <li key={file}>
                <a href={href} download className="block rounded px-2 py-1 text-sm hover:bg-line/40 focus-visible:bg-line/40">
                  {EXPORT_FILES[file].label}
                </a>
              </li>
            );
          })}
        </ul>
        <label className="mt-3 flex items-start gap-2 border-t border-line pt-2 text-sm">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} className="mt-1" />
          <span>Add a byte order mark to CSV files <span className="block text-xs text-muted">so Excel shows accents and other scripts correctly</span></span>
        </label>
      </div>
    </div>
  );
}
