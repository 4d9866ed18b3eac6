// The Keydesk command line (CONTRACT.md §8): JSON on stdout, messages on stderr,
// exit 0 ok / 1 failure / 2 bad usage. Commands are loaded on demand, so `db migrate` never opens
// the database through the app's client before the schema exists.
import "../scripts/server-only-outside-next.mjs";
import { CliError, USAGE, UsageError } from "@/cli/usage";

type Command = (sub: string | undefined, args: string[]) => Promise<unknown>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  users: async () => (await import("@/cli/commands/users")).usersCommand,
  orgs: async () => (await import("@/cli/commands/orgs")).orgsCommand,
  keys: async () => (await import("@/cli/commands/keys")).keysCommand,
  db: async () => (await import("@/cli/commands/db")).dbCommand,
};

async function main(argv: string[]): Promise<number> {
  const [group, sub, ...rest] = argv;
  if (!group) {
    process.stderr.write(`error: a command is required\n\n${USAGE}`);
    return 2;
  }
  if (group === "help" || group === "--help" || group === "-h" || sub === "--help" || sub === "-h" || rest.includes("--help")) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const load = COMMANDS[group];
    if (!load) throw new UsageError(`unknown command "${group}"`);
    const result = await (await load())(sub?.startsWith("-") ? undefined : sub, sub?.startsWith("-") ? [sub, ...rest] : rest);
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const err = e as { name?: string; message?: string; code?: string };
    const known = e instanceof CliError || err.name === "ApiError";
    // Unexpected errors: still one line, but say what it was; the stack only with DEBUG.
    process.stderr.write(`error: ${known ? err.message : `${err.name ?? "Error"}: ${(err.message ?? String(e)).split("\n").filter(Boolean).pop()}`}\n`);
    if (!known && process.env.DEBUG) console.error(e);
    return 1;
  }
}

// Exit explicitly: open database pools (PostgreSQL) would otherwise keep the process alive.
void main(process.argv.slice(2)).then((code) => process.exit(code));
