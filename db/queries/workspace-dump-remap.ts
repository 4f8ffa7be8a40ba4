import { remapFlagKey } from "@/lib/domain/flag-key";
import type { AuditEntity } from "@/lib/domain/enums";

// Rewriting old ids to new ones inside free-form JSON: timeline filters (the
// timeline URL's params) and audit before/after snapshots. Ids are recognised
// by the key they sit under, which is how every writer in db/queries names
// them; values under other keys are never touched.

export interface IdMaps {
  workspace: number;
  users: Map<number, number>;
  articles: Map<number, number>;
  speakers: Map<number, number>;
  topics: Map<number, number>;
  statements: Map<number, number>;
  links: Map<number, number>;
  timelines: Map<number, number>;
}

type MapName = Exclude<keyof IdMaps, "workspace">;

const KEY_TO_MAP: Record<string, MapName> = {
  articleId: "articles", previousSnapshotId: "articles", article: "articles", articles: "articles", articleIds: "articles",
  speakerId: "speakers", speaker: "speakers", speakers: "speakers", speakerIds: "speakers",
  topicId: "topics", topic: "topics", topics: "topics", topicIds: "topics",
  statementId: "statements", candidateId: "statements", fromStatementId: "statements", toStatementId: "statements",
  fromId: "statements", toId: "statements", earlierId: "statements", laterId: "statements",
  statement: "statements", statements: "statements", statementIds: "statements",
  linkId: "links", timelineId: "timelines",
  createdBy: "users", actorId: "users",
};

const ENTITY_MAP: Partial<Record<AuditEntity, MapName>> = {
  article: "articles", speaker: "speakers", topic: "topics", statement: "statements", link: "links", timeline: "timelines",
};

/** A number, a numeric string, or a comma list of them ("12,13" from a URL), mapped; anything else unchanged. */
function remapValue(value: unknown, map: Map<number, number>): unknown {
  if (typeof value === "number") return map.get(value) ?? value;
  if (typeof value === "string" && /^\d+(,\d+)*$/.test(value)) {
    return value.split(",").map((v) => String(map.get(Number(v)) ?? v)).join(",");
  }
  return value;
}

/**
 * Deep copy of `value` with ids rewritten. `entity` names what a top-level
 * `id` is (audit snapshots); nested objects' `id`s are left alone because
 * their meaning is not known.
 */
export function remapIdsDeep(value: unknown, maps: IdMaps, entity?: AuditEntity): unknown {
  const walk = (node: unknown, top: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, false));
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(node)) {
      if (key === "workspaceId" && typeof v === "number") out[key] = maps.workspace;
      else if (top && key === "id" && entity === "workspace" && typeof v === "number") out[key] = maps.workspace;
      else if (top && key === "id" && entity && ENTITY_MAP[entity]) out[key] = remapValue(v, maps[ENTITY_MAP[entity]!]);
      else if ((key === "flagKey" || (top && key === "key" && entity === "flag")) && typeof v === "string") out[key] = remapFlagKey(v, maps.statements, maps.topics) ?? v;
      else if (KEY_TO_MAP[key] && Array.isArray(v)) out[key] = v.map((x) => (x && typeof x === "object" ? walk(x, false) : remapValue(x, maps[KEY_TO_MAP[key]])));
      else if (KEY_TO_MAP[key] && (typeof v === "number" || typeof v === "string")) out[key] = remapValue(v, maps[KEY_TO_MAP[key]]);
      else out[key] = walk(v, false);
    }
    return out;
  };
  return walk(value, true);
}
