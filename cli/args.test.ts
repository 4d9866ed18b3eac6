import { describe, expect, it } from "vitest";
import { isoDate, onOff, parse, positiveInt, required } from "@/cli/args";
import { parseScopes } from "@/cli/commands/keys";
import { UsageError } from "@/cli/usage";

describe("CLI option parsing", () => {
  it("parse refuses unknown options and positionals as usage errors", () => {
    expect(parse(["--slug", "x"], { slug: { type: "string" } })).toEqual({ slug: "x" });
    expect(() => parse(["--nope", "x"], { slug: { type: "string" } })).toThrow(UsageError);
    expect(() => parse(["stray"], { slug: { type: "string" } })).toThrow(UsageError);
  });

  it("required, onOff and positiveInt", () => {
    expect(() => required(undefined, "--email")).toThrow("--email is required");
    expect(() => required("", "--email")).toThrow("--email is required");
    expect([onOff("on", "--x"), onOff("off", "--x"), onOff(undefined, "--x")]).toEqual([true, false, undefined]);
    expect(() => onOff("true", "--x")).toThrow(UsageError);
    expect(positiveInt("250", "--n")).toBe(250);
    for (const bad of ["0", "-1", "1.5", "1e3", "ten", "99999999999999999999"]) expect(() => positiveInt(bad, "--n")).toThrow(UsageError);
  });

  it("isoDate takes dates and zoned date-times only", () => {
    expect(isoDate("2027-01-31", "--e")?.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(isoDate("2027-01-31T12:00:00+02:00", "--e")?.toISOString()).toBe("2027-01-31T10:00:00.000Z");
    for (const bad of ["2027-01-31T12:00:00", "tomorrow", "2027-13-45", "31/01/2027"]) expect(() => isoDate(bad, "--e")).toThrow(UsageError);
  });

  it("parseScopes: presets or resource:level lists", () => {
    expect(parseScopes("read")).toEqual({ scopes: ["read"] });
    expect(parseScopes("read,write")).toEqual({ scopes: ["read", "write"] });
    expect(parseScopes(" articles:write , usage:read ")).toEqual({ permissions: ["articles:write", "usage:read"] });
    expect(() => parseScopes("articles:admin")).toThrow('Unknown permission "articles:admin"');
    expect(() => parseScopes("read,articles:write")).toThrow('Unknown permission "read"');
    expect(() => parseScopes(",")).toThrow("--scopes is empty");
  });
});
