import { describe, expect, it } from "vitest";
import { formatFlagKey, parseFlagKey, remapFlagKey } from "./flag-key";

describe("flag keys", () => {
  it("round-trip and refuse foreign strings", () => {
    const key = formatFlagKey({ rule: "stance_shift", earlierId: 3, laterId: 9, topicId: 2 });
    expect(key).toBe("stance_shift:3:9:2");
    expect(parseFlagKey(key)).toEqual({ rule: "stance_shift", earlierId: 3, laterId: 9, topicId: 2 });
    expect(parseFlagKey("linked:1:2")).toEqual({ rule: "linked", earlierId: 1, laterId: 2 });
    expect(parseFlagKey("linked:1")).toBeNull();
    expect(parseFlagKey("drop table:1:2")).toBeNull();
  });

  it("remaps ids for an import", () => {
    const s = new Map([[3, 30], [9, 90]]);
    expect(remapFlagKey("stance_shift:3:9:2", s, new Map([[2, 20]]))).toBe("stance_shift:30:90:20");
    expect(remapFlagKey("dispute:3:4", s, new Map())).toBeNull();
  });
});
