import type { Metadata } from "next";
import { connection } from "next/server";
import { openApiDocument } from "@/app/api/v1/_lib/openapi";
import { OperationCard, type Operation } from "@/components/api-docs/operation";

export const metadata: Metadata = { title: "HTTP API reference" };

/** The API reference, rendered on the server from the same OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  await connection();
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation & { tags: string[] }>).map(([method, op]) => ({ path, method, op })));
  const tags = doc.tags.map((t) => t.name);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{doc.info.title}</h1>
      <p className="mt-2 max-w-prose text-muted">{doc.info.description}</p>
      <p className="mt-2 text-sm">Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}).</p>
      <nav aria-label="API sections" className="mt-4">
        <ul className="flex flex-wrap gap-3 text-sm">{tags.map((t) => <li key={t}><a className="underline" href={`#tag-${t}`}>{t}</a></li>)}</ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mt-8">
          <h2 id={`tag-${tag}`} className="text-xl font-semibold">{tag}</h2>
          <div className="mt-3 grid gap-4">
            {ops.filter((o) => o.op.tags.includes(tag)).map((o) => <OperationCard key={o.op.operationId} method={o.method} path={o.path} op={o.op} />)}
          </div>
        </section>
      ))}
    </main>
  );
}
