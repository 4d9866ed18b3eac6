// Where the HTTP server's CPU time goes: a V8 CPU profile (`node --cpu-prof`, see serverCpuProfArgs)
// summarised as self time by group (Keydesk, Next, React, Prisma, other node_modules, Node) and the
// top functions by self time, as a markdown block for the README (formatProfileSummary).
//
// Self time: each sample lasts until the next one (timestamps from timeDeltas, as Chrome DevTools
// counts); "(idle)" is left out of the percentages; "(garbage collector)" and "(program)" (native
// time outside any JS function: Node's C++ between calls, libuv) are groups of their own. Native
// builtins (no URL: JSON.stringify, URL parsing, socket writes, napi functions…) count for the group
// of the JS function that called them; Node's own time is also split by the nearest non-Node caller
// (nodeByCaller), since most of it is spent on behalf of Next or of our code. WebAssembly counts as
// Prisma: its query compiler is the only wasm the server runs.
//
// Attribution of bundled code: the production server runs Turbopack chunks (.next/server/chunks/*.js)
// and Next's prebuilt runtimes (next/dist/compiled/next-server/*.js, which contain React), whose URLs
// do not say whose code a function is. Next 16's Turbopack production build writes a source map
// beside every server chunk (.next/server/**/*.js.map) with no config (`experimental.turbopackSourceMaps`
// defaults to true; a webpack build would need `experimental.serverSourceMaps: true`), and Next ships
// maps for its runtimes. Each function's start (the callFrame's line and column: its parameter
// list) is looked up in its file's map (`//# sourceMappingURL=`, an inline `data:` map, or FILE.map;
// index maps with `sections` too; see lookupPosition) and the original source path decides the
// group. Modules that tsx loads straight from TypeScript (file:///…/lib/x.ts) are classified by their
// own path; their line numbers are those of tsx's output, so they are shown as approximate (≈).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROFILE_GROUPS = ["Keydesk", "Next", "React", "Prisma", "other node_modules", "Node", "GC", "(program)", "unattributed"] as const;
export type ProfileGroup = (typeof PROFILE_GROUPS)[number];

export type GroupTime = { group: ProfileGroup; selfMs: number; pct: number };
export type FunctionTime = { name: string; location: string; group: ProfileGroup; selfMs: number; pct: number };

export type ProfileSummary = {
  file: string;
  /** profile endTime - startTime, or the part of it in the window asked for */
  wallMs: number;
  /** all samples, idle included */
  sampledMs: number;
  idleMs: number;
  /** sampledMs - idleMs: the denominator of every pct */
  busyMs: number;
  samples: number;
  meanIntervalUs: number;
  /** every group, largest first (zeros included, so tables line up between runs) */
  groups: GroupTime[];
  top: FunctionTime[];
  /**
   * The Node group again, split by whose code called into Node (the nearest caller of another
   * group; "event loop" when none: timers, socket reads, microtask runs): who makes Node work.
   */
  nodeByCaller: { caller: ProfileGroup | "event loop"; selfMs: number; pct: number }[];
  /** generated files with samples whose positions were read through a source map */
  mappedFiles: number;
  /** bundles (.next/…) with samples but no usable source map, and their self time */
  unmappedBundles: { file: string; selfMs: number }[];
};

// ---------------------------------------------------------------------------------------------
// The profile format (what `node --cpu-prof` writes; Chrome DevTools Protocol Profiler.Profile)

type CallFrame = { functionName: string; scriptId: string | number; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };

// ---------------------------------------------------------------------------------------------
// Source maps (v3, with index maps), decoded here: no dependency, and the behaviour is ours

const B64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** Per generated line, flat segments of [generatedColumn, source, originalLine, originalColumn, name] (-1 = none). */
function decodeMappings(mappings: string): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let src = 0, oLine = 0, oCol = 0, name = 0;
  let i = 0;
  while (i <= mappings.length) {
    let genCol = 0;
    const fields: number[] = [];
    // one line at a time; genCol resets per line
    for (;;) {
      const c = mappings[i];
      if (c === undefined || c === ";") {
        lines.push(line);
        line = [];
        i++;
        break;
      }
      if (c === ",") {
        i++;
        continue;
      }
      fields.length = 0;
      while (i < mappings.length && mappings[i] !== "," && mappings[i] !== ";") {
        let value = 0, shift = 0, digit: number;
        do {
          digit = B64.get(mappings[i++]!) ?? 0;
          value += (digit & 31) << shift;
          shift += 5;
        } while (digit & 32);
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      }
      genCol += fields[0] ?? 0;
      if (fields.length >= 4) {
        src += fields[1]!;
        oLine += fields[2]!;
        oCol += fields[3]!;
        if (fields.length >= 5) name += fields[4]!;
        line.push(genCol, src, oLine, oCol, fields.length >= 5 ? name : -1);
      } else line.push(genCol, -1, -1, -1, -1);
    }
  }
  return lines;
}

type RawMap = { version?: number; sources?: (string | null)[]; sourceRoot?: string; names?: string[]; mappings?: string; sections?: { offset: { line: number; column: number }; map?: RawMap; url?: string }[] };
type FlatMap = { sources: string[]; names: string[]; lines: number[][] };
type LoadedMap = { sections: { line: number; column: number; map: FlatMap }[] };
/** source, 0-based line and column, the name the map gives the token, and that token's generated (0-based) position */
export type MappedPosition = { source: string; line: number; column: number; name?: string; generatedLine: number; generatedColumn: number };

function flatten(raw: RawMap, resolveSource: (s: string) => string): FlatMap {
  const root = raw.sourceRoot ? raw.sourceRoot.replace(/\/?$/, "/") : "";
  const sources = (raw.sources ?? []).map((s) => (s == null ? "" : resolveSource(/^[a-z][\w+.-]*:/i.test(s) || !root ? s : root + s)));
  return { sources, names: raw.names ?? [], lines: decodeMappings(raw.mappings ?? "") };
}

function loadMap(raw: RawMap, resolveSource: (s: string) => string): LoadedMap {
  if (raw.sections) return { sections: raw.sections.filter((s) => s.map).map((s) => ({ line: s.offset.line, column: s.offset.column, map: flatten(s.map!, resolveSource) })) };
  return { sections: [{ line: 0, column: 0, map: flatten(raw, resolveSource) }] };
}

/**
 * The original position of a function that starts at a generated (0-based line, column) — V8 gives
 * the position of its parameter list. The mapping right there if there is one; else the first one
 * after it on the same line (the function's parameters or body: the bundler's glue, such as
 * Turbopack's module factories `(t)=>{…}`, has none, and the mapping before a function may belong
 * to the code before it, even to another module when a package's own coarse map was merged in);
 * else the last one before it, across lines. `nameToken` is that last one before it: the token
 * a named function's name is.
 */
export function lookupPosition(m: LoadedMap, line: number, column: number): (MappedPosition & { nameToken?: MappedPosition }) | null {
  let s = m.sections.length - 1;
  while (s >= 0 && (m.sections[s]!.line > line || (m.sections[s]!.line === line && m.sections[s]!.column > column))) s--;
  if (s < 0) return null;
  const sec = m.sections[s]!;
  const at = (l: number, segs: number[], k: number): MappedPosition => {
    const name = segs[k * 5 + 4]!;
    const generatedLine = sec.line + l;
    const generatedColumn = segs[k * 5]! + (l === 0 ? sec.column : 0);
    return { source: sec.map.sources[segs[k * 5 + 1]!] ?? "", line: segs[k * 5 + 2]!, column: segs[k * 5 + 3]!, name: name >= 0 ? sec.map.names[name] : undefined, generatedLine, generatedColumn };
  };
  const first = line - sec.line;
  let before: MappedPosition | null = null;
  let after: MappedPosition | null = null;
  let exact = false;
  let col = first === 0 ? column - sec.column : column;
  for (let l = first; l >= 0 && !before; l--, col = Infinity) {
    const segs = sec.map.lines[l];
    if (!segs || segs.length === 0) continue;
    // binary search: the last segment whose generated column <= col
    let lo = 0, hi = segs.length / 5 - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid * 5]! <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (l === first) {
      exact = found >= 0 && segs[found * 5]! === col;
      for (let k = exact ? found : found + 1; k < segs.length / 5 && !after; k++) if (segs[k * 5 + 1]! >= 0) after = at(l, segs, k);
    }
    if (found >= 0) {
      if (segs[found * 5 + 1]! < 0) break; // glue right before: nothing before it counts
      before = at(l, segs, found);
    }
  }
  const pos = (exact ? before : null) ?? after ?? before;
  return pos ? { ...pos, nameToken: before ?? undefined } : null;
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The package directory (…/node_modules/name or …/node_modules/@scope/name) of a file, if any. */
function packageDir(file: string): string | null {
  const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)(?:\/|$)/.exec(file);
  return m ? m[1]! : null;
}

/** A map's `sources` entry as an absolute path (or a pseudo path such as [turbopack]/…). */
function sourceResolver(generatedFile: string, mapDir: string, root: string) {
  return (source: string): string => {
    const s = source.replace(/[?#].*$/, "");
    let m: RegExpExecArray | null;
    if ((m = /^turbopack:\/\/\/\[project\]\/(.*)$/.exec(s))) return path.join(root, safeDecode(m[1]!));
    if ((m = /^turbopack:\/\/\/(\[[^\]]+\]\/.*)$/.exec(s))) return safeDecode(m[1]!); // [turbopack]/runtime…
    if ((m = /^webpack:\/\/[^/]*\/(.*)$/.exec(s))) return path.join(packageDir(generatedFile) ?? root, safeDecode(m[1]!).replace(/^\.\//, ""));
    if (s.startsWith("file://")) return fileURLToPath(s);
    if (/^[a-z][\w+.-]*:/i.test(s)) return s; // another scheme: kept as it is
    return path.resolve(mapDir, safeDecode(s));
  };
}

// ---------------------------------------------------------------------------------------------
// Classification

const PRISMA_PACKAGES = /^(@prisma\/|prisma$|\.prisma$|better-sqlite3$|pg$|pg-[a-z-]+$|pgpass$|postgres-(array|bytea|date|interval)$)/;
const REACT_PACKAGES = /^(react|react-dom|react-is|scheduler|react-server-dom-[a-z-]+)$/;

function posix(p: string) {
  return p.split(path.sep).join("/");
}

/** The group of a source file: an absolute path, a path relative to root, a node: or wasm: URL, or [turbopack]/…. */
export function classifyPath(file: string, root: string): ProfileGroup {
  if (file.startsWith("node:")) return "Node";
  if (file.startsWith("wasm://")) return "Prisma"; // the server's only WebAssembly is Prisma's query compiler
  // Turbopack's pseudo paths: its runtime ([turbopack]/…) is part of Next; others say nothing
  if (/^\[[^\]/]+\]\//.test(file)) return /^\[(turbopack|next)\]\//.test(file) ? "Next" : "unattributed";
  const p = posix(path.isAbsolute(file) ? file : path.join(root, file));
  const nm = p.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = p.slice(nm + "/node_modules/".length);
    const parts = rest.split("/");
    const pkg = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    const sub = rest.slice(pkg.length + 1);
    if (pkg === "next") return /^(dist\/compiled\/(react|scheduler)|src\/compiled\/(react|scheduler))/.test(sub) ? "React" : "Next";
    if (pkg.startsWith("@next/")) return "Next";
    if (REACT_PACKAGES.test(pkg)) return "React";
    if (PRISMA_PACKAGES.test(pkg)) return "Prisma";
    return "other node_modules";
  }
  const rel = posix(path.relative(root, p));
  if (rel.startsWith("../") || path.isAbsolute(rel)) return "unattributed";
  if (rel.startsWith("lib/generated/") || rel.startsWith("prisma/")) return "Prisma"; // the generated Prisma client
  if (rel.startsWith(".next/")) return "unattributed"; // bundled code no source map accounted for
  return "Keydesk"; // app/, lib/, components/, cli/, scripts/, proxy.ts, auth.ts, instrumentation.ts…
}

/** A short file name for tables: root-relative, or from the package name on, or the URL. */
export function shortPath(file: string, root: string): string {
  if (!path.isAbsolute(file)) return file;
  const p = posix(file);
  const nm = p.lastIndexOf("/node_modules/");
  if (nm >= 0) return p.slice(nm + "/node_modules/".length);
  const rel = posix(path.relative(root, p));
  return rel.startsWith("../") ? p : rel;
}

// ---------------------------------------------------------------------------------------------
// Summary

type Frame = { group: ProfileGroup; name: string; location: string; bundle?: string };

class Attributor {
  private maps = new Map<string, LoadedMap | null>();
  private texts = new Map<string, string[]>();
  mappedFiles = new Set<string>();
  constructor(private root: string) {}

  /** The map of a generated file: its sourceMappingURL (file or data:), else FILE.map. */
  private mapOf(file: string): LoadedMap | null {
    if (this.maps.has(file)) return this.maps.get(file)!;
    let loaded: LoadedMap | null = null;
    try {
      if (!/\.[cm]?tsx?$/.test(file)) {
        const text = fs.readFileSync(file, "utf8");
        this.texts.set(file, text.split("\n"));
        const tail = text.slice(Math.max(0, text.lastIndexOf("sourceMappingURL=") - 4));
        const url = /^[/][/*][#@] sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/m.exec(tail)?.[1];
        let raw: RawMap | null = null;
        let mapFile = `${file}.map`;
        if (url?.startsWith("data:")) {
          const comma = url.indexOf(",");
          const body = url.slice(comma + 1);
          raw = JSON.parse(/;base64$/.test(url.slice(0, comma)) ? Buffer.from(body, "base64").toString("utf8") : safeDecode(body)) as RawMap;
          mapFile = file;
        } else {
          if (url) mapFile = path.resolve(path.dirname(file), safeDecode(url));
          if (fs.existsSync(mapFile)) raw = JSON.parse(fs.readFileSync(mapFile, "utf8")) as RawMap;
        }
        if (raw) loaded = loadMap(raw, sourceResolver(file, path.dirname(mapFile), this.root));
      }
    } catch {
      loaded = null;
    }
    this.maps.set(file, loaded);
    return loaded;
  }

  frame(cf: CallFrame): Frame {
    const fn = cf.functionName || "(anonymous)";
    const url = cf.url;
    if (url.startsWith("node:")) return { group: "Node", name: fn, location: `${url}:${cf.lineNumber + 1}` };
    if (url.startsWith("wasm://")) return { group: "Prisma", name: fn, location: "wasm" };
    let file: string;
    try {
      file = url.startsWith("file://") ? fileURLToPath(url) : url;
    } catch {
      return { group: "unattributed", name: fn, location: url };
    }
    if (!path.isAbsolute(file)) return { group: "unattributed", name: fn, location: url || "(native)" };
    const generated = { group: classifyPath(file, this.root), name: fn, location: `${shortPath(file, this.root)}:${cf.lineNumber + 1}` };
    if (/\.[cm]?tsx?$/.test(file)) return { ...generated, location: `${shortPath(file, this.root)}:≈${cf.lineNumber + 1}` }; // tsx's output lines
    const map = this.mapOf(file);
    const inBundle = posix(path.relative(this.root, file)).startsWith(".next/");
    if (!map) return inBundle ? { ...generated, bundle: shortPath(file, this.root) } : generated;
    const pos = lookupPosition(map, cf.lineNumber, cf.columnNumber);
    if (!pos || !pos.source) return inBundle ? { ...generated, bundle: shortPath(file, this.root) } : generated;
    // A package's map may point outside the package (its authors' monorepo): then its own path decides.
    const pkg = packageDir(posix(file));
    if (pkg && !posix(pos.source).startsWith(pkg + "/")) return generated;
    this.mappedFiles.add(file);
    // A minified name (a, t, e…) gives way to the original identifier, if the token the map names is
    // that very name in the generated code (not, say, an arrow function's first parameter).
    const t = pos.nameToken;
    const token = t && this.texts.get(file)?.[t.generatedLine]?.slice(t.generatedColumn, t.generatedColumn + fn.length + 1);
    const isNameToken = token !== undefined && token.startsWith(fn) && !/[\w$]/.test(token.charAt(fn.length));
    const name = t?.name && /^[\w$]{1,2}$/.test(fn) && isNameToken && /^[\w$]+$/.test(t.name) ? t.name : fn;
    return { group: classifyPath(pos.source, this.root), name, location: `${shortPath(pos.source, this.root)}:${pos.line + 1}` };
  }
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export type SummaryOptions = {
  /** how many functions in `top` (15) */
  top?: number;
  /**
   * Only the samples taken from/until these instants, in microseconds of the monotonic clock that
   * V8's profiler and process.hrtime share (see monotonicUs): e.g. the measured load without the
   * server's start-up and warm-up.
   */
  fromUs?: number;
  toUs?: number;
};

/** Now, on the clock of a profile's timestamps (CLOCK_MONOTONIC, the same in every process), in µs. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Self time of a CPU profile by group and by function. root: the repository root the server ran from. */
export function summarizeCpuProfile(file: string, root: string, options: SummaryOptions = {}): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  return summarizeProfile(profile, path.resolve(root), options, file);
}

/** summarizeCpuProfile on a parsed profile. */
export function summarizeProfile(profile: CpuProfile, root: string, { top = 15, fromUs = -Infinity, toUs = Infinity }: SummaryOptions = {}, file = ""): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // self microseconds per node
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let count = 0;
  if (samples.length > 0 && deltas.length === samples.length) {
    const ts: number[] = [];
    let t = profile.startTime;
    for (const d of deltas) ts.push((t += d));
    const mean = samples.length > 1 ? Math.max(0, ts[ts.length - 1]! - ts[0]!) / (samples.length - 1) : profile.endTime - profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      if (ts[i]! < fromUs || ts[i]! > toUs) continue;
      // a sample lasts until the next one; the last one until the end, at most a mean interval
      const dur = i + 1 < samples.length ? Math.max(0, ts[i + 1]! - ts[i]!) : Math.min(mean, Math.max(0, profile.endTime - ts[i]!));
      selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + dur);
      count++;
    }
  } else {
    // no sample list: hit counts times the mean interval (no window possible)
    if (fromUs > profile.startTime || toUs < profile.endTime) throw new Error("this profile has no samples/timeDeltas: it cannot be cut to a time window");
    const hits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
    const interval = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const n of profile.nodes) if (n.hitCount) selfUs.set(n.id, n.hitCount * interval);
    count = hits;
  }

  const attributor = new Attributor(root);
  const frames = new Map<number, Frame & { special?: "idle" | "root" }>();
  const frameOf = (id: number): Frame & { special?: "idle" | "root" } => {
    const known = frames.get(id);
    if (known) return known;
    const cf = byId.get(id)!.callFrame;
    let f: Frame & { special?: "idle" | "root" };
    if (cf.url === "" && cf.functionName === "(idle)") f = { group: "Node", name: "(idle)", location: "", special: "idle" };
    else if (cf.url === "" && cf.functionName === "(root)") f = { group: "Node", name: "(root)", location: "", special: "root" };
    else if (cf.url === "" && cf.functionName === "(garbage collector)") f = { group: "GC", name: "(garbage collector)", location: "" };
    else if (cf.url === "" && cf.functionName === "(program)") f = { group: "(program)", name: "(program)", location: "" };
    else if (cf.url === "") {
      // a native builtin: the group of its nearest JS caller
      const p = parent.get(id);
      const caller = p === undefined ? undefined : frameOf(p);
      const group = caller && !caller.special ? caller.group : "Node";
      f = { group, name: cf.functionName || "(native)", location: "(native)" };
    } else f = attributor.frame(cf);
    frames.set(id, f);
    return f;
  };

  let sampledUs = 0, idleUs = 0;
  const groupUs = new Map<ProfileGroup, number>(PROFILE_GROUPS.map((g) => [g, 0]));
  const fnUs = new Map<string, { f: Frame; us: number }>();
  const bundleUs = new Map<string, number>();
  const nodeCallerUs = new Map<ProfileGroup | "event loop", number>();
  const callerOf = (id: number): ProfileGroup | "event loop" => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const f = frameOf(p);
      if (f.special) break;
      if (f.group !== "Node") return f.group;
    }
    return "event loop";
  };
  for (const [id, us] of selfUs) {
    if (!byId.has(id)) continue;
    sampledUs += us;
    const f = frameOf(id);
    if (f.special === "idle") {
      idleUs += us;
      continue;
    }
    groupUs.set(f.group, groupUs.get(f.group)! + us);
    const key = `${f.group}\0${f.name}\0${f.location}`;
    const e = fnUs.get(key) ?? { f, us: 0 };
    e.us += us;
    fnUs.set(key, e);
    if (f.bundle) bundleUs.set(f.bundle, (bundleUs.get(f.bundle) ?? 0) + us);
    if (f.group === "Node") {
      const c = callerOf(id);
      nodeCallerUs.set(c, (nodeCallerUs.get(c) ?? 0) + us);
    }
  }
  const busyUs = sampledUs - idleUs;
  const pct = (us: number) => (busyUs > 0 ? round((us / busyUs) * 100) : 0);
  const wallUs = Math.max(0, Math.min(toUs, profile.endTime) - Math.max(fromUs, profile.startTime));
  return {
    file,
    wallMs: round(wallUs / 1000),
    sampledMs: round(sampledUs / 1000),
    idleMs: round(idleUs / 1000),
    busyMs: round(busyUs / 1000),
    samples: count,
    meanIntervalUs: count ? round(wallUs / count) : 0,
    groups: [...groupUs].map(([group, us]) => ({ group, selfMs: round(us / 1000), pct: pct(us) })).sort((a, b) => b.selfMs - a.selfMs || PROFILE_GROUPS.indexOf(a.group) - PROFILE_GROUPS.indexOf(b.group)),
    top: [...fnUs.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ f, us }) => ({ name: f.name, location: f.location, group: f.group, selfMs: round(us / 1000), pct: pct(us) })),
    nodeByCaller: [...nodeCallerUs].map(([caller, us]) => ({ caller, selfMs: round(us / 1000), pct: pct(us) })).sort((a, b) => b.selfMs - a.selfMs),
    mappedFiles: attributor.mappedFiles.size,
    unmappedBundles: [...bundleUs].map(([file, us]) => ({ file, selfMs: round(us / 1000) })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/`/g, "'");

/** A markdown block: a header line, the per-group line, and the top functions table. */
export function formatProfileSummary(s: ProfileSummary): string {
  const groups = s.groups
    .filter((g) => g.selfMs > 0)
    .map((g) => `${g.group} ${g.pct.toFixed(1)}% (${Math.round(g.selfMs)} ms)`)
    .join(" · ");
  const lines = [
    `CPU profile: ${Math.round(s.busyMs)} ms busy of ${Math.round(s.sampledMs)} ms sampled (${Math.round(s.idleMs)} ms idle) over ${Math.round(s.wallMs)} ms, ${s.samples} samples at ~${Math.round(s.meanIntervalUs)} µs; ${s.mappedFiles} generated files read through source maps`,
    "",
    `Self time by group (% of busy): ${groups}`,
    "",
    `Node's share by caller: ${s.nodeByCaller.map((c) => `${c.caller} ${c.pct.toFixed(1)}% (${Math.round(c.selfMs)} ms)`).join(" · ") || "none"}`,
    "",
    "| # | function | where | group | self ms | % busy |",
    "|---:|---|---|---|---:|---:|",
    ...s.top.map((f, i) => `| ${i + 1} | \`${cell(f.name)}\` | ${cell(f.location)} | ${f.group} | ${f.selfMs.toFixed(1)} | ${f.pct.toFixed(1)} |`),
  ];
  if (s.unmappedBundles.length) lines.push("", `Bundles without a usable source map (counted as unattributed): ${s.unmappedBundles.map((b) => `${b.file} ${Math.round(b.selfMs)} ms`).join(", ")}`);
  return lines.join("\n");
}

/**
 * Node flags that make the server write a CPU profile into dir when it exits (process.exit included).
 * intervalUs: the sampling interval (V8's default is 1000 µs).
 */
export function serverCpuProfArgs(dir: string, intervalUs = 1000): string[] {
  return ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${intervalUs}`];
}

/**
 * The main thread's profile in dir, the newest if several (worker threads write their own:
 * CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile, the main thread's id is 0).
 */
export function findCpuProfile(dir: string): string | null {
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const main = all.filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  const pick = (main.length ? main : all).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  return pick ?? null;
}
