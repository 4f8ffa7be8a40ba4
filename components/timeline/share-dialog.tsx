"use client";

import { useRef, useState, useTransition } from "react";
import { revokeShareAction, shareTimelineAction } from "@/app/w/[slug]/timeline/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

export const embedSnippet = (embedUrl: string, title: string) =>
  `<iframe src="${embedUrl}" title="${title.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" width="100%" height="600" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`;

/** "Share" on a saved timeline: creates (or shows) the public link, the embed code, and "Revoke". */
export function ShareTimelineButton({ slug, id, title, token: initialToken }: { slug: string; id: number; title: string; token: string | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [token, setToken] = useState(initialToken);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  // Read at click time, not render time, so server and client render the same markup.
  const [origin, setOrigin] = useState("");
  const publicUrl = token ? `${origin}/s/${token}` : "";

  function share() {
    setError(null);
    setOrigin(window.location.origin);
    startTransition(async () => {
      const result = token ? null : await shareTimelineAction(undefined, { slug, id });
      if (result?.status === "error") return setError(result.error.message);
      if (result?.status === "ok") setToken((result.data as { token: string }).token);
      dialog.current?.showModal();
    });
  }
  function revoke() {
    startTransition(async () => {
      const result = await revokeShareAction(undefined, { slug, id });
      if (result.status === "error") return setError(result.error.message);
      setToken(null);
      if (result.status === "ok") toast.show(result.message);
    });
  }
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      toast.show(`${what} copied.`);
    } catch {
      toast.show(`Could not copy; select the ${what.toLowerCase()} and copy it by hand.`, { tone: "error" });
    }
  }

  return (
    <>
      <Button size="sm" onClick={share} disabled={pending} aria-label={`Share “${title}”`}>Share</Button>
      {error ? <p role="alert" className="text-sm text-danger">{error}</p> : null}
      <dialog ref={dialog} aria-labelledby={`share-title-${id}`} className="m-auto w-[min(40rem,92vw)] rounded-lg border border-line bg-panel p-5 text-ink backdrop:bg-black/40">
        <h2 id={`share-title-${id}`} className="text-lg font-semibold">Share “{title}”</h2>
        {token ? (
          <div className="mt-3 flex flex-col gap-3 text-sm">
            <p className="text-muted">Anyone with this link can see this timeline&apos;s statements, sources and flags — nothing else of the workspace, and no private notes.</p>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Public link</span>
              <input readOnly value={publicUrl} className={inputClass} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="primary" onClick={() => copy(publicUrl, "Link")}>Copy link</Button>
              <a href={`/s/${token}`} target="_blank" rel="noopener" className={buttonClass("secondary", "sm")}>Open shared page</a>
            </div>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Embed code</span>
              <textarea readOnly rows={3} value={embedSnippet(`${publicUrl}/embed`, title)} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" onClick={() => copy(embedSnippet(`${publicUrl}/embed`, title), "Embed code")}>Copy embed code</Button>
              <Button size="sm" variant="danger" onClick={revoke} disabled={pending}>Revoke link</Button>
            </div>
          </div>
        ) : (
          <div className="mt-3 flex flex-col gap-3 text-sm">
            <p role="status">This timeline is not shared. Its old link, if any, now shows a plain “not found”.</p>
            <div><Button size="sm" onClick={share} disabled={pending}>Create a new public link</Button></div>
          </div>
        )}
        <form method="dialog" className="mt-4 flex justify-end">
          <Button type="submit" size="sm" variant="ghost">Close</Button>
        </form>
      </dialog>
    </>
  );
}
