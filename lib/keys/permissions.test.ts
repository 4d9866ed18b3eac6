import { describe, expect, it } from "vitest";
import { hasPermission, normalizePermissions, PRESET_PERMISSIONS, presetFor, resolvePermissions } from "@/lib/keys/permissions";

describe("permissions", () => {
  it("expands presets", () => {
    expect(PRESET_PERMISSIONS.read).toEqual(["articles:read", "categories:read", "approvals:read"]);
    expect(PRESET_PERMISSIONS.write).toContain("articles:write");
    expect(PRESET_PERMISSIONS.write).not.toContain("keys:read");
    expect(PRESET_PERMISSIONS.admin).toContain("keys:write");
    expect(PRESET_PERMISSIONS.admin).toHaveLength(17);
    expect(PRESET_PERMISSIONS.admin).toEqual(expect.arrayContaining(["settings:read", "settings:write", "audit:read"]));
    expect(PRESET_PERMISSIONS.admin).not.toContain("audit:write");
  });
  it("write implies read", () => {
    expect(hasPermission(["articles:write"], "articles:read")).toBe(true);
    expect(hasPermission(["articles:read"], "articles:write")).toBe(false);
    expect(normalizePermissions(["keys:write"])).toEqual(["keys:read", "keys:write"]);
  });
  it("resolves scopes to the widest preset, and permissions to a preset when they match one", () => {
    expect(resolvePermissions({ scopes: ["read", "admin"] }).preset).toBe("admin");
    expect(resolvePermissions({ permissions: ["articles:write", "categories:write", "approvals:write"] }).preset).toBe("write");
    expect(resolvePermissions({ permissions: ["articles:read"] })).toEqual({ permissions: ["articles:read"], preset: null });
    expect(presetFor(PRESET_PERMISSIONS.read)).toBe("read");
  });
  it("checks subsets for key-creates-key", () => {
    expect(hasPermission(["articles:write"], "articles:read")).toBe(true);
    expect(hasPermission(["articles:write"], "keys:write")).toBe(false);
  });
});
