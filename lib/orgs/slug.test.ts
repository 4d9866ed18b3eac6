import { describe, expect, it } from "vitest";
import { isValidSlug, slugify, slugProblem, slugSchema } from "@/lib/orgs/slug";

describe("organization slug rules", () => {
  it.each(["ab", "acme", "acme-inc", "a1", "2fa", "team-42-x", "a".repeat(48)])("accepts %s", (s) => {
    expect(slugProblem(s)).toBeNull();
    expect(isValidSlug(s)).toBe(true);
  });

  it.each([
    ["a", "must be 2 to 48 characters long"],
    ["", "must be 2 to 48 characters long"],
    ["a".repeat(49), "must be 2 to 48 characters long"],
    ["Acme", "must be lower case"],
    ["-acme", "must not start or end with a hyphen"],
    ["acme-", "must not start or end with a hyphen"],
    ["ac me", "may contain only lower-case letters, digits and hyphens"],
    ["acme_inc", "may contain only lower-case letters, digits and hyphens"],
    ["acme.io", "may contain only lower-case letters, digits and hyphens"],
    ["café", "may contain only lower-case letters, digits and hyphens"],
    ["a--b", "must not contain two hyphens in a row"],
    ["api", '"api" is reserved'],
    ["www", '"www" is reserved'],
    ["admin", '"admin" is reserved'],
    ["app", '"app" is reserved'],
  ])("refuses %j: %s", (s, problem) => {
    expect(slugProblem(s)).toBe(problem);
    expect(isValidSlug(s)).toBe(false);
  });

  it("schema reports the problem as a message", () => {
    const r = slugSchema.safeParse("API");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Slug must be lower case.");
  });

  it("slugify makes a usable slug from a display name", () => {
    expect(slugify("Acme, Inc.")).toBe("acme-inc");
    expect(slugify("  Café Déjà Vu  ")).toBe("cafe-deja-vu");
    expect(slugify("x".repeat(60) + " y")).toBe("x".repeat(48));
  });
});
