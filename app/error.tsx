"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-muted">Nothing you saved was lost. Try again; if it keeps happening, the server log says why.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-line px-3 py-2">Try again</button>
    </main>
  );
}
