import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { type GetCtx, tag, taggedWorkspace } from "./context";

type Op = { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }>; requestBody?: { content: Record<string, { example?: unknown }> } };

export function openApiSuite(get: GetCtx) {
  describe("OpenAPI document", () => {
    it("is OpenAPI 3.1 and documents every route with the error shape", async () => {
      const { api } = get();
      const doc = (await api("GET", "/api/v1/openapi.json")).body;
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths).sort()).toEqual([
        "/api/v1/articles/{id}", "/api/v1/flags/{id}/review", "/api/v1/links/{id}", "/api/v1/openapi.json", "/api/v1/speakers/{id}", "/api/v1/speakers/{id}/merge", "/api/v1/statements/{id}", "/api/v1/statements/{id}/restore",
        "/api/v1/timelines/{id}", "/api/v1/timelines/{id}/export.csv", "/api/v1/timelines/{id}/share", "/api/v1/topics/{id}", "/api/v1/topics/{id}/merge",
        "/api/v1/workspaces", "/api/v1/workspaces/import", "/api/v1/workspaces/{slug}", "/api/v1/workspaces/{slug}/articles",
        "/api/v1/workspaces/{slug}/export/annotations.jsonld", "/api/v1/workspaces/{slug}/export/claimreview.jsonld",
        "/api/v1/workspaces/{slug}/export/flags.csv", "/api/v1/workspaces/{slug}/export/links.csv",
        "/api/v1/workspaces/{slug}/export/statements.csv", "/api/v1/workspaces/{slug}/export/workspace.json", "/api/v1/workspaces/{slug}/flags",
        "/api/v1/workspaces/{slug}/links", "/api/v1/workspaces/{slug}/speakers", "/api/v1/workspaces/{slug}/statements",
        "/api/v1/workspaces/{slug}/suggestions", "/api/v1/workspaces/{slug}/timelines", "/api/v1/workspaces/{slug}/topics",
      ]);
      const successTypes = (path: string) => Object.keys(doc.paths[path].get.responses["200"].content);
      expect(successTypes("/api/v1/timelines/{id}/export.csv")).toEqual(["text/csv"]);
      expect(successTypes("/api/v1/workspaces/{slug}/export/claimreview.jsonld")).toEqual(["application/ld+json"]);
      expect(doc.paths["/api/v1/workspaces/import"].post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/WorkspaceDump");
      const statementParams = doc.paths["/api/v1/workspaces/{slug}/statements"].get.parameters.map((p: { name: string }) => p.name);
      expect(statementParams).toEqual(expect.arrayContaining(["speaker", "topic", "kind", "stance", "from", "to", "article", "q", "sort", "dir", "cursor", "limit"]));
      expect(doc.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
    });

    it("every documented operation answers, and its success and error bodies validate against the document", async () => {
      const { api } = get();
      const doc = (await api("GET", "/api/v1/openapi.json")).body;
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = (schema: object, data: unknown) => {
        const check = ajv.compile({ ...schema, components: doc.components });
        return check(data) ? null : ajv.errorsText(check.errors);
      };
      const fx = await taggedWorkspace(get());
      const link = (await api("POST", `/api/v1/workspaces/${fx.slug}/links`, { body: { fromId: fx.august, toId: fx.june, relation: "reverses" } })).body;
      const spare = await api("POST", `/api/v1/workspaces/${fx.slug}/links`, { body: { fromId: fx.september, toId: fx.june, relation: "clarifies" } });
      const doomed = await tag(get(), fx.slug, fx.articleId, "the incursion into Kursk", "2024-08-12", "neutral");
      // Deleted before the walk, so that restoring it (a POST, walked before the DELETEs) has something to bring back.
      const restorable = await tag(get(), fx.slug, fx.articleId, "order a ceasefire", "2024-06-14", "neutral");
      expect((await api("DELETE", `/api/v1/statements/${restorable}`)).status).toBe(200);
      // Two spare speakers and topics: the first of each is merged into the second, which is then edited.
      const spareEntry = async (what: "speakers" | "topics", name: string) => String((await api("POST", `/api/v1/workspaces/${fx.slug}/${what}`, { body: { name } })).body.id);
      const [dupSpeaker, keptSpeaker, dupTopic, keptTopic] = [await spareEntry("speakers", "Spare A"), await spareEntry("speakers", "Spare B"), await spareEntry("topics", "Spare topic A"), await spareEntry("topics", "Spare topic B")];
      const timeline = String((await api("POST", `/api/v1/workspaces/${fx.slug}/timelines`, { body: { title: "Walked timeline" } })).body.id);
      const flag = `linked:${fx.june}:${fx.august}`;
      const ids: Record<string, string> = {
        getArticle: String(fx.articleId), getStatement: String(fx.june), updateStatement: String(fx.june), deleteStatement: String(doomed), restoreStatement: String(restorable),
        deleteLink: String(spare.body.id), updateLink: String(link.id),
        mergeSpeaker: dupSpeaker, updateSpeaker: keptSpeaker, mergeTopic: dupTopic, updateTopic: keptTopic, reviewFlag: flag, undoFlagReview: flag,
        getTimeline: timeline, shareTimeline: timeline, unshareTimeline: timeline, exportTimelineCsv: timeline,
      };
      const bodies: Record<string, unknown> = {
        createWorkspace: { name: "Walked" }, createStatement: { articleId: fx.articleId, quote: "he said there could be no talks", speaker: "Putin", saidOn: "2024-08-12" },
        createLink: { fromId: fx.september, toId: fx.august, relation: "reverses" }, createSpeaker: { name: "Mykhailo Podolyak" }, createTopic: { name: "Kursk" },
        createTimeline: { title: "Walked", filter: { kinds: ["precondition"], from: "2024-06" } },
        mergeSpeaker: { into: Number(keptSpeaker) }, updateSpeaker: { description: "Walked" }, mergeTopic: { into: Number(keptTopic) }, updateTopic: { proposition: "Walked?" },
      };
      bodies.importWorkspace = (await api("GET", `/api/v1/workspaces/${fx.slug}/export/workspace.json`)).body;
      const queries: Record<string, string> = { listSuggestions: `?statement=${fx.september}` };
      expect(link.id).toEqual(expect.any(Number));
      const order = { get: 0, post: 1, patch: 2, delete: 3 } as Record<string, number>;
      const ops = Object.entries(doc.paths as Record<string, Record<string, Op>>)
        .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
        .sort((a, b) => order[a.method] - order[b.method]);
      for (const { path, method, op } of ops) {
        const query = queries[op.operationId] ?? "";
        const url = path.replace("{slug}", fx.slug).replace("{id}", ids[op.operationId] ?? "") + query;
        const body = op.requestBody ? bodies[op.operationId] ?? op.requestBody.content["application/json"].example : undefined;
        const res = await api(method.toUpperCase(), url, { body });
        const [code, documented] = Object.entries(op.responses).find(([c]) => c.startsWith("2"))!;
        expect(res.status, `${method} ${path}: ${res.text}`).toBe(Number(code));
        const [contentType, media] = Object.entries(documented.content ?? {})[0] ?? [];
        if (contentType) expect(res.headers.get("content-type"), `${method} ${path}`).toMatch(new RegExp(`^${contentType.replace(/[+.]/g, "\\$&")}`));
        // JSON and JSON-LD answers validate against their documented schema; CSV is checked by its own tests.
        if (contentType?.endsWith("json")) expect(validate(media!.schema, res.body), `${method} ${path}`).toBeNull();
        // And one refusal per operation, which must have the documented error shape.
        const bad = path.includes("{") ? path.replace("{slug}", "no-such-workspace").replace("{id}", "999999") + query : `${path}?unknown=1`;
        const refused = await api(method.toUpperCase(), bad, { body });
        expect(refused.status, `${method} ${bad}`).toBeGreaterThanOrEqual(400);
        expect(op.responses[String(refused.status)], `${method} ${bad} documents ${refused.status}`).toBeDefined();
        expect(validate({ $ref: "#/components/schemas/Error" }, refused.body), `${method} ${bad}`).toBeNull();
      }
    });

    it("the reference page renders every operation from the document", async () => {
      const { server } = get();
      const html = await (await fetch(`${server.url}/api-docs`)).text();
      for (const id of ["listWorkspaces", "createStatement", "reviewFlag", "getOpenApi"]) expect(html).toContain(`id="${id}"`);
      expect(html).toContain("curl -s -X POST &#x27;http://localhost:3000/api/v1/workspaces/negotiation-preconditions-2024/statements&#x27;");
    });
  });
}
