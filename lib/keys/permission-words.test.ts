import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS } from "@/lib/keys/permissions";
import { permissionsInWords } from "@/lib/keys/permission-words";

describe("permissionsInWords", () => {
  it("says the strongest level per resource, in plain words", () => {
    expect(permissionsInWords(["articles:read", "approvals:read", "approvals:write"])).toEqual(["Read articles", "See, submit and decide approvals"]);
    expect(permissionsInWords([])).toEqual([]);
  });
  it("has words for every permission there is", () => {
    for (const p of ALL_PERMISSIONS) expect(permissionsInWords([p]), p).toHaveLength(1);
    expect(permissionsInWords(ALL_PERMISSIONS).join(" ")).not.toMatch(/:/);
  });
});
