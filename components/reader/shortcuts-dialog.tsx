"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

const KEYS: [string, string][] = [
  ["Tab", "Move into the article text, then between controls"],
  ["↓ / j, ↑ / k", "Next or previous paragraph"],
  ["s", "Select the paragraph's first sentence"],
  [". / ,", "Select the next or previous sentence"],
  ["> (Shift + .)", "Extend the selection by a sentence"],
  ["t or Enter", "Tag the selection"],
  ["c", "Jump from the text to the statement's card (its “Show in text” button jumps back)"],
  ["l", "On a statement card: link it to an earlier statement"],
  ["Ctrl + Enter", "Save the form"],
  ["Esc", "Close the form"],
  ["?", "Show these shortcuts"],
];

/** The `?` sheet of keyboard shortcuts, in a native modal dialog (focus is trapped and restored). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcuts-title" className="m-auto max-w-md rounded-lg border border-line bg-panel p-5 text-ink backdrop:bg-black/40">
      <h2 id="shortcuts-title" className="text-lg font-semibold">Keyboard shortcuts</h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {KEYS.map(([k, d]) => [<dt key={`k${k}`}><kbd className="rounded border border-line px-1.5 font-mono text-xs">{k}</kbd></dt>, <dd key={`d${k}`}>{d}</dd>])}
      </dl>
      <Button className="mt-4" onClick={onClose}>Close</Button>
    </dialog>
  );
}
