// Hostile input for the fuzz stages (API, pages): the values that broke Keydesk before, plus
// whatever fast-check makes up. Shared by test/fuzz, test/pages and e2e/dashboard/query-fuzz.spec.ts.
import fc from "fast-check";

/** Strings that once caused 500s or are classic trouble: bad escapes, prototype names, huge numbers, impossible dates. */
export const NASTY_STRINGS = [
  "", " ", "%", "%%", "%00", "%E0%A4%A", "%zz", "../", "../../etc/passwd", "..%2F..%2Fetc", "./", "/", "\\", "//evil.example",
  "constructor", "__proto__", "prototype", "toString", "hasOwnProperty", "valueOf",
  "1e309", "1e30", "-1", "0", "-0", "NaN", "Infinity", "-Infinity", "0x10", "1.5", "9".repeat(400), "2147483648", "9007199254740993",
  "null", "undefined", "true", "false", "[]", "{}", "[object Object]",
  "0000-01-01", "2024-13-45", "2024-02-30", "2024-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31", "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z", "1970-01-01T00:00:00+99:99", "yesterday",
  "é", "😀", "\u202E", "\uFEFF", "ǅ", "\u0000", "\uD800", "\r\n", "\t",
  "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE ApiKey; --", "${7*7}", "{{7*7}}",
  "kd_", "kdt_", "whsec_", "a".repeat(10_000),
] as const;

/** Any string: a nasty one, a random unicode one, or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => "x".repeat(n)) },
);

/** Strings a header may carry (a ByteString without CR, LF or NUL): what a raw HTTP client can send. */
export const headerString: fc.Arbitrary<string> = hostileString.map((s) =>
  [...s.slice(0, 8192)].filter((c) => c.charCodeAt(0) <= 0xff && !/[\r\n\0]/.test(c)).join(""),
);

/** Any JSON value, with the awkward ones (huge strings, deep nesting, prototype names) likely. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "a", "id"), hostileString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Query parameters: known names with hostile values, repeated names, and random names. */
export function hostileQuery(names: readonly string[]): fc.Arbitrary<[string, string][]> {
  const name = names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileString }) : hostileString;
  return fc.array(fc.tuple(name, hostileString), { maxLength: 5 });
}

/** A query string from pairs; sometimes a raw, un-encoded one (a lone `%`, `[]`) as a hand-typed URL has. */
export const rawQuerySuffix: fc.Arbitrary<string> = fc.constantFrom("", "", "", "&%", "&page=%", "&x=%E0%A4%A", "&from=[]&to=[]", "&sort[]=a", "&&&=&", "&per_page=1e309");

export function queryString(pairs: [string, string][], raw = ""): string {
  const q = new URLSearchParams(pairs.map(([k, v]) => [k.slice(0, 2000), v.slice(0, 2000)])).toString() + raw;
  return q ? `?${q.replace(/^&/, "")}` : "";
}

/** A fixed seed in CI (FUZZ_SEED overrides); printed either way so a failure can be replayed. */
export function fuzzSeed(stage: string): number {
  const fromEnv = process.env.FUZZ_SEED ? Number.parseInt(process.env.FUZZ_SEED, 10) : NaN;
  const seed = Number.isFinite(fromEnv) ? fromEnv : process.env.CI === "true" ? 20261204 : Math.floor(Math.random() * 2 ** 31);
  console.log(`[fuzz] ${stage}: seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return seed;
}
