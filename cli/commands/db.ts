import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@/cli/args";
import { CliError, UsageError } from "@/cli/usage";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Applies pending migrations to the database DATABASE_URL names (relative SQLite paths: from the cwd). */
export async function migrate(databaseUrl: string) {
  const provider = databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/prisma-wasm.mjs"), "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_PROVIDER: provider },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    // One line: the engine's own error message, not its WASM stack.
    const lines = `${r.stderr ?? ""}\n${r.stdout ?? ""}`.split("\n").map((l) => l.trim());
    const why = (lines.find((l) => /^(Error|Caused by)\b/.test(l)) ?? lines.filter(Boolean).pop() ?? r.error?.message ?? `exit ${r.status}`).replace(/^Error:\s*/, "");
    throw new CliError(`Migrations failed on ${provider}: ${why}`);
  }
  const line = r.stdout.trim().split("\n").pop() ?? "";
  const applied = line.startsWith("Applied: ") ? line.slice("Applied: ".length).split(", ") : [];
  return { provider, applied };
}

export async function dbCommand(sub: string | undefined, args: string[]) {
  if (sub === "migrate") {
    parse(args, {});
    const { env } = await import("@/lib/env");
    const r = await migrate(env.databaseUrl);
    process.stderr.write(r.applied.length ? `Applied ${r.applied.length} migration(s) on ${r.provider}.\n` : `No pending migrations on ${r.provider}.\n`);
    return { migrated: true, ...r };
  }
  if (sub === "seed") {
    const v = parse(args, { "if-empty": { type: "boolean" } });
    const { seedDemo } = await import("@/cli/seed-demo");
    const { systemActor } = await import("@/lib/audit/actor");
    const { env } = await import("@/lib/env");
    const r = await seedDemo({ ifEmpty: Boolean(v["if-empty"]), actor: systemActor("cli") });
    if (!r.seeded) {
      if (v["if-empty"]) {
        process.stderr.write(`Nothing seeded: ${r.reason}.\n`);
        return r;
      }
      throw new CliError(`Nothing seeded: ${r.reason}.`);
    }
    const signInUrl = `${env.authUrl.replace(/\/$/, "")}/login`;
    // the password goes to stdout only (with the rest of the result): one copy, never in a log of stderr
    process.stderr.write(`Seeded "${r.organization.name}": sign in at ${signInUrl} as ${r.owner.email} with the password printed below (shown only this once).\n`);
    return { ...r, sign_in_url: signInUrl };
  }
  throw new UsageError(sub ? `unknown command "db ${sub}"` : "db needs a command: migrate or seed");
}
