import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-muted">There is nothing at this address. It may have been removed, or the link may be mistyped.</p>
      <Link href="/" className="mt-6 inline-block text-accent underline">Back to your workspaces</Link>
    </main>
  );
}
