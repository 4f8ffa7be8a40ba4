import { exampleCurl } from "@/lib/api/curl";

type Schema = { type?: string | string[]; enum?: unknown[]; anyOf?: Schema[]; $ref?: string; items?: Schema; description?: string; default?: unknown; properties?: Record<string, Schema>; required?: string[] };
export type Operation = {
  operationId: string; summary: string; description?: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { description: string; content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, { schema: Schema }> }>;
};

/** "string", "integer | null", "one of: a, b", "Workspace[]": enough to write a request by hand. */
export function describeType(s: Schema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return s.$ref.split("/").pop() ?? "object";
  if (s.enum) return `one of: ${s.enum.map(String).join(", ")}`;
  if (s.anyOf) return s.anyOf.map(describeType).join(" | ");
  if (s.type === "array") return `${describeType(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(" | ") : s.type ?? "object";
}

const METHOD_STYLE: Record<string, string> = {
  get: "border-oi-blue text-oi-blue", post: "border-oi-green text-oi-green", patch: "border-oi-orange text-oi-orange", delete: "border-oi-vermillion text-oi-vermillion",
};

function FieldTable({ caption, rows }: { caption: string; rows: { name: string; where?: string; required: boolean; type: string; description?: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="text-left text-xs font-semibold uppercase tracking-wide text-muted">{caption}</caption>
      <thead><tr className="border-b border-line"><th scope="col" className="py-1 pr-3">Name</th><th scope="col" className="py-1 pr-3">Type</th><th scope="col" className="py-1">Description</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.where}-${r.name}`} className="border-b border-line/60 align-top">
            <td className="py-1 pr-3 font-mono">{r.name}{r.required ? <span className="text-danger"> (required)</span> : null}{r.where ? <span className="text-muted"> · {r.where}</span> : null}</td>
            <td className="py-1 pr-3 font-mono text-xs">{r.type}</td>
            <td className="py-1">{r.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OperationCard({ method, path, op }: { method: string; path: string; op: Operation }) {
  const body = op.requestBody?.content["application/json"];
  const bodyRows = Object.entries(body?.schema.properties ?? {}).map(([name, s]) => ({
    name, required: (body?.schema.required ?? []).includes(name) && s.default === undefined, type: describeType(s), description: s.description,
  }));
  const paramRows = op.parameters.map((p) => ({ name: p.name, where: p.in, required: p.required, type: describeType(p.schema), description: p.description }));
  const codes = Object.keys(op.responses);
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="rounded-lg border border-line bg-panel p-4">
      <h3 id={`${op.operationId}-title`} className="flex flex-wrap items-baseline gap-2 font-mono text-sm">
        <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
        <span className="break-all">{path}</span>
      </h3>
      <p className="mt-2">{op.summary}</p>
      {op.description ? <p className="mt-1 text-sm text-muted">{op.description}</p> : null}
      <FieldTable caption="Parameters" rows={paramRows} />
      {body ? <FieldTable caption={`Body — ${op.requestBody?.description ?? "JSON"}`} rows={bodyRows} /> : null}
      <p className="mt-3 text-sm"><span className="font-semibold">Answers:</span> {codes.join(", ")} (errors as <code>{"{ error: { code, message, field } }"}</code>)</p>
      <pre className="mt-3 overflow-x-auto rounded bg-paper p-2 text-xs" aria-label={`Example: ${op.summary}`}><code>{exampleCurl({ method: method.toUpperCase(), path, body: body?.example })}</code></pre>
    </section>
  );
}
