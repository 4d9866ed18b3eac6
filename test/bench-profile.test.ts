// bench/profile.ts on a small synthetic CPU profile: self time from samples/timeDeltas, the groups
// (Keydesk, Next, React, Prisma, other node_modules, Node, GC, (program)), idle left out, native
// builtins counted for their caller, and bundled code attributed through source maps (a Turbopack
// chunk with a FILE.map beside it, an index map with sections, an inline data: map in a package).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CpuProfile, classifyPath, formatProfileSummary, serverCpuProfArgs, summarizeCpuProfile, summarizeProfile } from "@/bench/profile";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = "";
  do {
    let d = v & 31;
    v >>>= 5;
    if (v) d |= 32;
    out += B64[d];
  } while (v);
  return out;
}
/** Source map mappings from absolute segments: [generatedColumn] or [generatedColumn, source, line, column, name?]. */
function encode(lines: number[][][]): string {
  let src = 0, line = 0, col = 0, name = 0;
  return lines
    .map((segs) => {
      let gen = 0;
      return segs
        .map((s) => {
          let out = vlq(s[0]! - gen);
          gen = s[0]!;
          if (s.length >= 4) {
            out += vlq(s[1]! - src) + vlq(s[2]! - line) + vlq(s[3]! - col);
            [src, line, col] = [s[1]!, s[2]!, s[3]!];
            if (s.length === 5) {
              out += vlq(s[4]! - name);
              name = s[4]!;
            }
          }
          return out;
        })
        .join(",");
    })
    .join(";");
}

let root: string;
const write = (rel: string, text: string) => {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-profile-test-"));
  // A Turbopack chunk and its map beside it (sources relative to .next/server/chunks/).
  // generated code: a function `a` at column 0 (V8 places it at its "(", column 1), an arrow
  // function at 100 (V8 places it at its parameter, which the map names "request")
  const line0 = "a(t){}".padEnd(100, " ") + "r=>r;".padEnd(200, " ");
  write(".next/server/chunks/[root-of-the-server]__app._.js", `${line0}\n\n\n//# sourceMappingURL=%5Broot-of-the-server%5D__app._.js.map\n`);
  write(
    ".next/server/chunks/[root-of-the-server]__app._.js.map",
    JSON.stringify({
      version: 3,
      sources: ["../../../lib/keys/verify-key.ts", "../../../node_modules/zod/v4/core/parse.js", "../../../node_modules/next/dist/server/base-server.js", "../../../lib/generated/sqlite/internal/class.ts", "../../../node_modules/%40prisma/client/runtime/client.js"],
      names: ["verifyKey", "request"],
      mappings: encode([
        [
          [0, 0, 9, 9, 0], // lib/keys/verify-key.ts:10, the name token: verifyKey
          [2, 0, 9, 19], // its parameter
          [50, 1, 99, 2],
          [100, 2, 19, 0, 1], // a parameter's name, not the function's: `t` keeps its name
          [120, 2, 19, 9], // and its body
          [150], // generated only: the bundler's glue
          [200, 3, 4, 0],
          [250, 4, 41, 0],
        ],
        [], // an empty line: positions on it fall back to the line before
        [[0]], // glue only, nothing after it: unattributed
      ]),
    }),
  );
  // Turbopack's runtime: an index map with sections.
  write(".next/server/chunks/[turbopack]_runtime.js", "// runtime\n//# sourceMappingURL=%5Bturbopack%5D_runtime.js.map\n");
  write(
    ".next/server/chunks/[turbopack]_runtime.js.map",
    JSON.stringify({
      version: 3,
      sources: [],
      sections: [
        { offset: { line: 0, column: 0 }, map: { version: 3, sources: ["turbopack:///[turbopack]/shared/runtime/runtime-utils.ts"], names: [], mappings: "AAAA" } },
        { offset: { line: 5, column: 0 }, map: { version: 3, sources: ["turbopack:///[turbopack]/nodejs/runtime/build-base.ts"], names: [], mappings: encode([[[0, 0, 31, 0]]]) } },
      ],
    }),
  );
  // A chunk without any map.
  write(".next/server/chunks/ssr/_nomap._.js", "module.exports=[];\n");
  // Next's prebuilt runtime, React inside, with an inline map of webpack:// sources.
  const runtimeMap = { version: 3, sources: ["webpack://next/./dist/compiled/react/cjs/react.production.js", "webpack://next/./src/server/route-modules/route-module.ts"], names: [], mappings: encode([[[0, 0, 500, 0], [100, 1, 814, 2]]]) };
  write("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js", `(()=>{})();\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(runtimeMap)).toString("base64")}\n`);
  // A package whose map points outside the package (its authors' monorepo): its own path decides.
  write("node_modules/pino/lib/proto.js", "x\n//# sourceMappingURL=proto.js.map\n");
  write("node_modules/pino/lib/proto.js.map", JSON.stringify({ version: 3, sources: ["../../../../../home/dev/pino/src/proto.ts"], names: [], mappings: "AAAA" }));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Spec = { id: number; parent?: number; name: string; url?: string; line?: number; col?: number; ms?: number };

/** A profile whose samples give each node exactly `ms` of self time (1 ms samples), then one idle sample of 1 ms. */
function profileOf(specs: Spec[]): { profile: CpuProfile; idleId: number } {
  const nodes = specs.map((s) => ({ id: s.id, callFrame: { functionName: s.name, scriptId: 0, url: s.url ?? "", lineNumber: s.line ?? 0, columnNumber: s.col ?? 0 }, hitCount: 0, children: specs.filter((c) => c.parent === s.id).map((c) => c.id) }));
  const samples: number[] = [];
  for (const s of specs) for (let i = 0; i < (s.ms ?? 0); i++) samples.push(s.id);
  const idleId = specs.find((s) => s.name === "(idle)")!.id;
  samples.push(idleId);
  for (const id of samples) nodes.find((n) => n.id === id)!.hitCount++;
  const startTime = 5_000_000;
  const timeDeltas = samples.map((_, i) => (i === 0 ? 300 : 1000));
  const last = startTime + 300 + (samples.length - 1) * 1000;
  return { profile: { nodes, startTime, endTime: last + 1000, samples, timeDeltas }, idleId };
}

const file = (rel: string) => pathToFileURL(path.join(root, rel)).href;

function specs(): Spec[] {
  const chunk = file(".next/server/chunks/[root-of-the-server]__app._.js");
  return [
    { id: 1, name: "(root)" },
    { id: 2, parent: 1, name: "(program)", ms: 3 },
    { id: 3, parent: 1, name: "(idle)", ms: 40 },
    { id: 4, parent: 1, name: "(garbage collector)", ms: 7 },
    { id: 5, parent: 1, name: "emit", url: "node:events", line: 460, ms: 4 },
    { id: 6, parent: 5, name: "writeUtf8String", ms: 6 }, // native, called from node: → Node
    { id: 7, parent: 5, name: "a", url: chunk, line: 0, col: 1, ms: 10 }, // → lib/keys/verify-key.ts, verifyKey
    { id: 8, parent: 7, name: "stringify", ms: 5 }, // native, called from Keydesk code → Keydesk
    { id: 9, parent: 7, name: "parse", url: chunk, line: 0, col: 48, ms: 2 }, // the mapping after it: zod → other node_modules
    { id: 10, parent: 7, name: "t", url: chunk, line: 0, col: 100, ms: 8 }, // next/dist/server → Next
    { id: 11, parent: 7, name: "(anonymous)", url: chunk, line: 2, col: 5, ms: 1 }, // generated-only → unattributed
    { id: 24, parent: 7, name: "(anonymous)", url: chunk, line: 0, col: 160, ms: 1 }, // starts in glue: the next mapping on the line (lib/generated) → Prisma
    { id: 25, parent: 7, name: "URL", url: "node:internal/url", line: 791, ms: 2 }, // Node, called from Keydesk code
    { id: 26, parent: 25, name: "canParse", ms: 1 }, // native, called from node: → Node, on behalf of Keydesk
    { id: 12, parent: 7, name: "e", url: chunk, line: 0, col: 200, ms: 3 }, // lib/generated → Prisma
    { id: 13, parent: 7, name: "r", url: chunk, line: 1, col: 3, ms: 2 }, // falls back to line 0's last segment: @prisma/client → Prisma
    { id: 14, parent: 5, name: "instantiateModule", url: path.join(root, ".next/server/chunks/[turbopack]_runtime.js"), line: 6, col: 4, ms: 9 }, // CJS-style plain path; section 2 → Next
    { id: 15, parent: 5, name: "renderToReadableStream", url: file("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js"), line: 0, col: 0, ms: 6 }, // → React
    { id: 16, parent: 5, name: "handle", url: file("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js"), line: 0, col: 120, ms: 4 }, // → Next
    { id: 17, parent: 5, name: "$func42", url: "wasm://wasm/0a1b2c3d", ms: 5 }, // Prisma's query compiler
    { id: 18, parent: 5, name: "performIO", url: file("node_modules/@prisma/adapter-better-sqlite3/dist/index.mjs"), line: 528, ms: 3 },
    { id: 19, parent: 18, name: "prepare", url: file("node_modules/better-sqlite3/lib/methods/wrappers.js"), line: 3, ms: 2 },
    { id: 20, parent: 5, name: "getApprovals", url: `${file("lib/approvals/list-approvals.ts")}?tsx-namespace=1`, line: 11, ms: 4 }, // loaded by tsx from TypeScript
    { id: 21, parent: 5, name: "write", url: file("node_modules/pino/lib/proto.js"), line: 0, ms: 1 }, // its map points outside the package
    { id: 22, parent: 5, name: "x", url: file(".next/server/chunks/ssr/_nomap._.js"), line: 0, col: 3, ms: 2 }, // no map → unattributed
    { id: 23, parent: 1, name: "hash", ms: 1 }, // native with no JS caller → Node
  ];
}

describe("bench/profile", () => {
  it("counts self time from samples and timeDeltas, by group, idle left out", () => {
    const { profile } = profileOf(specs());
    const s = summarizeProfile(profile, root);
    const g = Object.fromEntries(s.groups.map((x) => [x.group, x.selfMs]));
    expect(g).toEqual({
      Keydesk: 10 + 5 + 4,
      Next: 8 + 9 + 4,
      React: 6,
      Prisma: 3 + 2 + 5 + 3 + 2 + 1,
      "other node_modules": 2 + 1,
      Node: 4 + 6 + 1 + 2 + 1,
      GC: 7,
      "(program)": 3,
      unattributed: 1 + 2,
    });
    expect(s.idleMs).toBe(41); // 40 samples plus the last one (a mean interval: 1 ms)
    expect(s.busyMs).toBe(92);
    expect(s.sampledMs).toBe(133);
    expect(s.samples).toBe(133);
    expect(s.groups[0]).toEqual({ group: "Next", selfMs: 21, pct: 22.8 });
    expect(s.nodeByCaller).toEqual([
      { caller: "event loop", selfMs: 11, pct: 12 },
      { caller: "Keydesk", selfMs: 3, pct: 3.3 },
    ]);
    expect(s.groups.reduce((a, x) => a + x.selfMs, 0)).toBe(s.busyMs);
    expect(s.unmappedBundles).toEqual([
      { file: ".next/server/chunks/ssr/_nomap._.js", selfMs: 2 },
      { file: ".next/server/chunks/[root-of-the-server]__app._.js", selfMs: 1 },
    ]);
  });

  it("names and places functions through source maps", () => {
    const { profile } = profileOf(specs());
    const top = summarizeProfile(profile, root, { top: 100 }).top;
    const at = (name: string) => top.find((f) => f.name === name);
    expect(top[0]).toEqual({ name: "verifyKey", location: "lib/keys/verify-key.ts:10", group: "Keydesk", selfMs: 10, pct: 10.9 });
    expect(at("parse")).toMatchObject({ location: "zod/v4/core/parse.js:100", group: "other node_modules" });
    expect(at("t")).toMatchObject({ location: "next/dist/server/base-server.js:20", group: "Next" });
    expect(at("e")).toMatchObject({ location: "lib/generated/sqlite/internal/class.ts:5", group: "Prisma" });
    expect(top.filter((f) => f.name === "(anonymous)").map((f) => [f.location, f.group])).toEqual([
      [".next/server/chunks/[root-of-the-server]__app._.js:3", "unattributed"],
      ["lib/generated/sqlite/internal/class.ts:5", "Prisma"],
    ]);
    expect(at("r")).toMatchObject({ location: "@prisma/client/runtime/client.js:42", group: "Prisma" });
    expect(at("instantiateModule")).toMatchObject({ location: "[turbopack]/nodejs/runtime/build-base.ts:32", group: "Next" });
    expect(at("renderToReadableStream")).toMatchObject({ location: "next/dist/compiled/react/cjs/react.production.js:501", group: "React" });
    expect(at("handle")).toMatchObject({ location: "next/src/server/route-modules/route-module.ts:815", group: "Next" });
    expect(at("stringify")).toMatchObject({ location: "(native)", group: "Keydesk" });
    expect(at("writeUtf8String")).toMatchObject({ location: "(native)", group: "Node" });
    expect(at("hash")).toMatchObject({ group: "Node" });
    expect(at("getApprovals")).toMatchObject({ location: "lib/approvals/list-approvals.ts:≈12", group: "Keydesk" });
    expect(at("write")).toMatchObject({ location: "pino/lib/proto.js:1", group: "other node_modules" });
    expect(at("$func42")).toMatchObject({ group: "Prisma" });
    expect(at("emit")).toMatchObject({ location: "node:events:461", group: "Node" });
    expect(at("(idle)")).toBeUndefined();
  });

  it("reads a .cpuprofile file, cuts it to a time window, and falls back to hit counts", () => {
    const { profile } = profileOf(specs());
    const p = write("CPU.20260101.000000.1.0.001.cpuprofile", JSON.stringify(profile));
    expect(summarizeCpuProfile(p, root).busyMs).toBe(92);
    // only the first 3 ms of samples: (program)'s three
    const first = summarizeCpuProfile(p, root, { fromUs: profile.startTime, toUs: profile.startTime + 300 + 2000 });
    expect(first.groups.find((g) => g.group === "(program)")!.selfMs).toBe(3);
    expect(first.busyMs).toBe(3);
    // no samples: hitCount × (endTime - startTime) / total hits
    const { samples: _s, timeDeltas: _t, ...hitsOnly } = profile;
    const h = summarizeProfile(hitsOnly, root);
    const perHit = (profile.endTime - profile.startTime) / 133 / 1000;
    expect(h.groups.find((g) => g.group === "Keydesk")!.selfMs).toBeCloseTo(19 * perHit, 1);
    expect(h.idleMs).toBeCloseTo(41 * perHit, 1);
  });

  it("classifies paths", () => {
    const r = "/srv/keydesk";
    expect(classifyPath("/srv/keydesk/app/api/health/route.ts", r)).toBe("Keydesk");
    expect(classifyPath("cli/keydesk.ts", r)).toBe("Keydesk");
    expect(classifyPath("/srv/keydesk/lib/generated/postgresql/client.ts", r)).toBe("Prisma");
    expect(classifyPath("/elsewhere/node_modules/next/dist/compiled/react-dom/cjs/x.js", r)).toBe("React");
    expect(classifyPath("/srv/keydesk/node_modules/next/dist/compiled/scheduler/index.js", r)).toBe("React");
    expect(classifyPath("/srv/keydesk/node_modules/react-dom/server.js", r)).toBe("React");
    expect(classifyPath("/srv/keydesk/node_modules/next/dist/server/next-server.js", r)).toBe("Next");
    expect(classifyPath("/srv/keydesk/node_modules/pg-protocol/dist/parser.js", r)).toBe("Prisma");
    expect(classifyPath("/srv/keydesk/node_modules/pg/lib/client.js", r)).toBe("Prisma");
    expect(classifyPath("/srv/keydesk/node_modules/next-auth/index.js", r)).toBe("other node_modules");
    expect(classifyPath("node:internal/http/server", r)).toBe("Node");
    expect(classifyPath("/srv/keydesk/.next/server/chunks/x.js", r)).toBe("unattributed");
    expect(classifyPath("[turbopack]/shared/runtime/runtime-utils.ts", r)).toBe("Next");
    expect(classifyPath("[externals]/node:buffer", r)).toBe("unattributed");
  });

  it("formats a markdown block and gives the node flags", () => {
    const { profile } = profileOf(specs());
    const out = formatProfileSummary(summarizeProfile(profile, root, { top: 3 }));
    expect(out).toContain("Self time by group (% of busy): Next 22.8% (21 ms) · Keydesk 20.7% (19 ms) · Prisma 17.4% (16 ms)");
    expect(out).toContain("| 1 | `verifyKey` | lib/keys/verify-key.ts:10 | Keydesk | 10.0 | 10.9 |");
    expect(out).toContain("Node's share by caller: event loop 12.0% (11 ms) · Keydesk 3.3% (3 ms)");
    expect(out.split("\n").filter((l) => /^\| \d/.test(l))).toHaveLength(3);
    expect(serverCpuProfArgs("/tmp/p")).toEqual(["--cpu-prof", "--cpu-prof-dir=/tmp/p", "--cpu-prof-interval=1000"]);
  });
});
