import { describe, expect, it } from "vitest";
import { buildTimelineModel, initialRows, type TimelineFlag, type TimelineStatement } from "./model";

const statement = (id: number, saidOn: string, speakerId = 1): TimelineStatement => ({
  id, speakerId, saidOn, saidOnPrecision: "day", articleId: 1, speakerName: speakerId === 1 ? "Vladimir Putin" : "Volodymyr Zelensky",
  quote: `Quote ${id}`, summary: "", kind: "claim", stances: [], articleTitle: "A", publisher: null, articleUrl: null, publicNote: null,
});
const flag = (key: string, earlierId: number, laterId: number, severity: TimelineFlag["severity"] = "full_flop"): TimelineFlag => ({
  key, rule: "linked", severity, status: "confirmed", earlierId, laterId, rationale: `Why ${key}`, orderUncertain: false,
});

describe("buildTimelineModel", () => {
  const june = statement(1, "2024-06-14");
  const aug = statement(2, "2024-08-12");
  const zel = statement(3, "2024-08-20", 2);
  const sept = statement(4, "2024-09-05");
  const all = [june, aug, zel, sept];
  const flags = [flag("a", 1, 2), flag("b", 2, 4, "half_flip")];

  it("describes the whole list in a skeleton: buckets with counts, lanes with names, where each flag starts", () => {
    const { skeleton, ids } = buildTimelineModel(all, flags, "month", "asc");
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(skeleton.total).toBe(4);
    expect(skeleton.flagCount).toBe(2);
    expect(skeleton.buckets).toEqual([
      { key: "2024-06", label: "June 2024", count: 1 }, { key: "2024-08", label: "August 2024", count: 2 }, { key: "2024-09", label: "September 2024", count: 1 },
    ]);
    expect(skeleton.lanes).toEqual([{ speakerId: 1, name: "Vladimir Putin" }, { speakerId: 2, name: "Volodymyr Zelensky" }]);
    expect(skeleton.flagTops).toEqual([0, 1]);
    expect(skeleton.gutter).toBe(2);
  });

  it("builds a row with everything it draws: its flags with the partner's position, and its gutter cells", () => {
    const model = buildTimelineModel(all, flags, "month", "asc");
    const row = model.row(1);
    expect(row.statement.id).toBe(2);
    expect(row.flags.map((f) => [f.flag.key, f.placed, f.other?.id, f.other?.index])).toEqual([["a", 0, 1, 0], ["b", 1, 4, 3]]);
    expect(row.cells).toEqual([
      { key: "a", column: 0, part: "end", severity: "full_flop" },
      { key: "b", column: 1, part: "start", severity: "half_flip" },
    ]);
    // The Zelensky row sits inside bracket b without taking part in it.
    expect(model.row(2).flags).toEqual([]);
    expect(model.row(2).cells.map((c) => [c.key, c.part])).toEqual([["b", "mid"]]);
  });

  it("serves any window in display order, newest first too, clipped to the list", () => {
    const model = buildTimelineModel(all, flags, "month", "desc");
    expect(model.ids).toEqual([4, 3, 2, 1]);
    expect(model.rows(2, 10).map((r) => [r.index, r.statement.id])).toEqual([[2, 2], [3, 1]]);
    expect(model.rows(-5, 1).map((r) => r.index)).toEqual([0]);
  });

  it("changes its version when a row or a flag changes, not when nothing does", () => {
    const v = buildTimelineModel(all, flags, "month", "asc").skeleton.version;
    expect(buildTimelineModel(all, flags, "month", "asc").skeleton.version).toBe(v);
    expect(buildTimelineModel(all.slice(0, 3), flags.slice(0, 1), "month", "asc").skeleton.version).not.toBe(v);
    expect(buildTimelineModel(all, flags.slice(0, 1), "month", "asc").skeleton.version).not.toBe(v);
    expect(buildTimelineModel([june, aug, zel, statement(5, "2024-09-05")], flags, "month", "asc").skeleton.version).not.toBe(v);
  });
});

describe("initialRows", () => {
  const many = Array.from({ length: 1000 }, (_, i) => statement(i + 1, `2024-${String(1 + (i % 12)).padStart(2, "0")}-10`));
  const model = buildTimelineModel(many, [], "month", "asc");

  it("sends every row of a short timeline", () => {
    const short = buildTimelineModel(many.slice(0, 50), [], "month", "asc");
    expect(initialRows(short, { selectedId: null, whole: 300, edge: 60 }).map((r) => r.index)).toEqual([...Array(50).keys()]);
  });

  it("sends both ends of a long one, and the rows around the selection once each", () => {
    const selectedId = model.ids[500];
    const rows = initialRows(model, { selectedId, whole: 300, edge: 60 });
    const indexes = rows.map((r) => r.index);
    expect(indexes.slice(0, 60)).toEqual([...Array(60).keys()]);
    expect(indexes).toContain(999);
    expect(indexes).toContain(500);
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(rows.length).toBe(180);
  });
});
