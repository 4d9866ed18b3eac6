// Every lib/ module that touches the database, secrets or mail imports "server-only", so Next fails
// the build of any browser bundle that would carry it: what counts as touching is importing the
// database client (or pg, Redis, the generated clients), the environment (it holds the secrets),
// the secret box, password hashing, or mail.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SENSITIVE = [/^@\/lib\/(db|env)$/, /^@\/lib\/(mail|crypto|generated)\//, /^(nodemailer|pg|ioredis|@node-rs\/argon2)$/, /^@prisma\/adapter-/];
// `import x from "m"`, `import "m"`, `export ... from "m"`, `import("m")`; group 1 is the clause, if any
const IMPORT = /^\s*(?:import|export)\s+(?:([^;"']*?)\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
const typeOnly = (clause: string | undefined) => !!clause && /^(type\s|\{\s*type\s+\w+(\s+as\s+\w+)?(\s*,\s*type\s+\w+(\s+as\s+\w+)?)*\s*,?\s*\}$)/.test(clause);

function libModules(dir = "lib"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join("lib", "generated") ? [] : libModules(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function touchesSensitive(source: string): boolean {
  return [...source.matchAll(IMPORT)].some((m) => !typeOnly(m[1]) && SENSITIVE.some((re) => re.test(m[2] ?? m[3])));
}

describe('import "server-only"', () => {
  it("marks every lib/ module that touches the database, secrets or mail", () => {
    const modules = libModules();
    expect(modules.length).toBeGreaterThan(50);
    const unmarked = modules.filter((file) => {
      const source = fs.readFileSync(file, "utf8");
      return (file === path.join("lib", "env.ts") || touchesSensitive(source)) && !/^import "server-only";$/m.test(source);
    });
    expect(unmarked).toEqual([]);
  });

  it("counts type-only imports as harmless", () => {
    expect(touchesSensitive('import type { Tx } from "@/lib/db";')).toBe(false);
    expect(touchesSensitive('import { type Tx, type Db } from "@/lib/db";')).toBe(false);
    expect(touchesSensitive('import { db, type Tx } from "@/lib/db";')).toBe(true);
    expect(touchesSensitive('const { sendMail } = await import("@/lib/mail/send-mail");')).toBe(true);
  });
});
