/** Example values for path parameters in the reference and docs/api.md. */
const EXAMPLE_PARAMS: Record<string, string> = { slug: "negotiation-preconditions-2024", id: "1" };

export function examplePath(path: string, flagExample = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => (flagExample && name === "id" ? "linked:1:2" : EXAMPLE_PARAMS[name] ?? name));
}

/** A copy-pasteable curl line for an operation (single quotes, as in a POSIX shell). */
export function exampleCurl({ method, path, body, query, base = "http://localhost:3000" }: {
  method: string; path: string; body?: unknown; query?: string; base?: string;
}): string {
  const url = `${base}${examplePath(path, path.includes("/flags/"))}${query ? `?${query}` : ""}`;
  const parts = ["curl -s", method === "GET" ? "" : `-X ${method}`, `'${url}'`];
  if (body !== undefined) {
    parts.push("-H 'Content-Type: application/json'", `-d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`);
  }
  return parts.filter(Boolean).join(" ");
}
