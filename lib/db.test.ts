// Two processes on one SQLite file (the server and the CLI): a transaction that reads and then
// writes must make the other process's writer wait, not fail with SQLITE_BUSY.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db";

let dir: string;
let url: string;
let a: Db;

/** An UPDATE from another process (better-sqlite3, 5 s busy timeout), resolving with its exit code and output. */
function writeFromAnotherProcess(sql: string) {
  const script = `const D = require("better-sqlite3"); const d = new D(process.argv[1], { timeout: 5000 }); d.prepare(process.argv[2]).run(); console.log("ok");`;
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["-e", script, url.slice("file:".length), sql]);
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("close", (code) => resolve({ code, out }));
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-two-writers-"));
  url = `file:${path.join(dir, "shared.db")}`;
  const r = spawnSync("node", ["scripts/prisma-wasm.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url, PRISMA_PROVIDER: "sqlite" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  a = createDbClient(url);
});
afterAll(async () => {
  await a.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite with two writers", () => {
  it("a read-then-write transaction and a concurrent writer both succeed, one after the other", async () => {
    const org = await a.organization.create({ data: { slug: "two-writers", name: "Two" } });
    let other!: Promise<{ code: number | null; out: string }>;
    const updated = await a.$transaction(async (tx) => {
      const o = await tx.organization.findUniqueOrThrow({ where: { id: org.id } });
      // another process writes while this transaction is between its read and its write
      other = writeFromAnotherProcess(`UPDATE "Organization" SET "defaultRateLimitPerHour" = 42 WHERE "id" = '${org.id}'`);
      await new Promise((r) => setTimeout(r, 500));
      return tx.organization.update({ where: { id: org.id }, data: { name: `${o.name} A` } });
    }, { timeout: 20_000 });
    expect(updated.name).toBe("Two A");
    const r = await other;
    expect(r).toEqual({ code: 0, out: "ok\n" });
    const final = await a.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(final).toMatchObject({ name: "Two A", defaultRateLimitPerHour: 42 });
  });
});
