// Values from an operation's OpenAPI (JSON Schema) request schema, then mutated: the fuzz starts
// from what the handler expects so it gets past the first check, then breaks one thing at a time.
import fc from "fast-check";
import { hostileJson, hostileString } from "@/test/fuzz/hostile";

export type JsonSchema = Record<string, any>;

/** Values for fields whose meaning the schema does not carry (ids of real objects, usable URLs). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const VALID_URLS = ["https://hooks.example.com/in", "https://example.org/webhook?x=1", "http://127.0.0.1:9/hook"];
const DATES = () => fc.constantFrom(
  new Date(Date.now() + 86_400_000).toISOString(), new Date(Date.now() + 3600_000 * 5).toISOString(),
  "2099-01-01T00:00:00Z", "2000-01-01T00:00:00+02:00",
);

/** A value the schema accepts (mostly: patterns other than dates are not honoured). */
export function valid(schema: JsonSchema | undefined, hints: Hints = {}, name = ""): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  if (name && hints[name]) return hints[name]!;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alts)) return fc.oneof(...alts.map((s: JsonSchema) => valid(s, hints, name)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000), max: schema.maximum ?? 1000 });
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 0.001 : -1000);
      return fc.double({ min, max: schema.maximum ?? Math.max(min + 1, 1000), noNaN: true, noDefaultInfinity: true });
    }
    case "string": {
      if (schema.format === "date-time") return DATES();
      if (schema.format === "email") return fc.constantFrom("a@example.com", "someone.else+tag@example.org");
      if (name === "url" || schema.format === "uri") return fc.constantFrom(...VALID_URLS);
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
      return fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }).map((s) => (s.trim() ? s : `x${s}x`).slice(0, schema.maxLength ?? 1000));
    }
    case "array": {
      const items = valid(schema.items, hints);
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case "object": {
      const props: Record<string, JsonSchema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) rec[k] = valid(s, hints, k);
      return fc.record(rec, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return hostileJson;
  }
}

/** The valid value broken in one way: a field dropped, retyped, made huge, or an unknown field added. */
const IMPOSSIBLE_DATES = ["0000-01-01", "2024-13-45", "2024-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "yesterday", "", "2024-01-01T25:00:00Z", "9999-12-31T23:59:59Z"];

const isDateField = (s: JsonSchema): boolean => s?.format === "date-time" || (s?.anyOf ?? s?.oneOf ?? []).some(isDateField);

export function mutated(schema: JsonSchema | undefined, hints: Hints = {}): fc.Arbitrary<unknown> {
  const base = valid(schema, hints);
  const props = Object.keys(schema?.properties ?? {});
  const field = props.length ? fc.constantFrom(...props) : fc.constant("name");
  const dateFields = Object.entries<JsonSchema>(schema?.properties ?? {}).filter(([, s]) => isDateField(s)).map(([k]) => k);
  return fc.oneof(
    // a date field, the rest valid: an impossible or unparsable date (the refine that called getTime() on a string)
    ...(dateFields.length ? [{ weight: 3, arbitrary: fc.tuple(base, fc.constantFrom(...dateFields), fc.constantFrom(...IMPOSSIBLE_DATES)).map(([b, k, v]) => ({ ...(b as object), [k]: v })) }] : []),
    // one field replaced by anything (wrong type, huge string, impossible date, prototype name)
    fc.tuple(base, field, hostileJson).map(([b, k, v]) => ({ ...(b as object), [k]: v })),
    // one field dropped
    fc.tuple(base, field).map(([b, k]) => {
      const copy = { ...(b as Record<string, unknown>) };
      delete copy[k];
      return copy;
    }),
    // unknown fields, including prototype names
    fc.tuple(base, fc.constantFrom("__proto__", "constructor", "unknown_field", "organizationId", "organization_id", "id", "role"), hostileJson).map(([b, k, v]) => {
      const copy = { ...(b as Record<string, unknown>) };
      Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
      return copy;
    }),
    // the whole body of the wrong shape
    hostileJson,
    fc.constantFrom({ expires_at: "0000-01-01" }, { expires_at: "2024-13-45" }, { old_secret_expires_at: "0000-01-01T00:00:00Z" }, [], [{}], "", 0, null),
    fc.tuple(base, field, hostileString).map(([b, k, s]) => ({ ...(b as object), [k]: s })),
  );
}

/** A request body as sent on the wire: JSON of a valid or mutated value, or not JSON at all. */
export type WireBody = { text: string | undefined; contentType: string | undefined };

export function wireBody(schema: JsonSchema | undefined, hints: Hints = {}): fc.Arbitrary<WireBody> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ text: JSON.stringify(v) ?? "null", contentType: "application/json" as string | undefined }));
  return fc.oneof(
    { weight: 5, arbitrary: json(valid(schema, hints)) },
    { weight: 5, arbitrary: json(mutated(schema, hints)) },
    {
      weight: 2,
      arbitrary: fc.record({
        text: fc.oneof(fc.constantFrom("{", "nul", "{\"a\":}", "\u0000", "[1,2", "name=x&scopes=read", "--boundary\r\n\r\n", "\"\\ud800\""), hostileString),
        contentType: fc.constantFrom(undefined, "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=boundary", "application/json; charset=utf-16", "application/problem+json", "%", "application/xml"),
      }),
    },
    { weight: 1, arbitrary: json(valid(schema, hints)).map((b) => ({ ...b, contentType: "text/plain" })) },
    { weight: 1, arbitrary: fc.constant({ text: undefined, contentType: undefined }) },
    { weight: 1, arbitrary: fc.constant({ text: JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) }), contentType: "application/json" }) },
  );
}
