// One Prisma client per process (globalThis survives Next's hot reload). The provider follows
// DATABASE_URL; both generated clients share one model definition, so the app is typed against the
// SQLite client (nearly the common subset: PostgreSQL-only options fail to compile, on purpose).
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { env } from "@/lib/env";


// Hash and ciphertext never leave the database in an ordinary query.
const omit = { apiKeySecret: { hash: true, ciphertext: true }, user: { passwordHash: true } } as const;

function sqliteClient(url: string) {
  const adapter = new PrismaBetterSqlite3({ url }, { timestampFormat: "unixepoch-ms" });
  // Transactions BEGIN IMMEDIATE: one that reads and then writes holds the write lock from the
  // start, so a writer in another process (the CLI, a second instance) waits on busy_timeout
  // instead of failing with SQLITE_BUSY when the reader tries to upgrade. Within one process the
  // adapter runs one transaction at a time anyway, so this costs nothing there.
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const conn = await connect();
    const client = (conn as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return conn;
  };
  return new SqliteClient({ adapter, omit });
}

/** A separate client (tests use two to stand for two processes on one SQLite file). */
export function createDbClient(url: string): Db {
  return createClient(url);
}

export type Db = ReturnType<typeof sqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// PostgreSQL text (and jsonb) cannot hold NUL: a query carrying one fails, a 500 for any input that
// reaches the database unchecked (a form field, a path id). It becomes U+FFFD on the way in, so an id
// holding it matches nothing and text keeps its length.
function scrubNul(value: unknown, json: boolean): unknown {
  if (typeof value === "string") {
    let v = value.includes("\0") ? value.replaceAll("\0", "\uFFFD") : value;
    if (json && v.includes("\\u0000")) v = v.replaceAll("\\u0000", "\\ufffd");
    return v;
  }
  return Array.isArray(value) ? value.map((x) => scrubNul(x, json)) : value;
}

function withoutNul<T extends SqlQueryable>(q: T): T {
  const scrub = (query: SqlQuery): SqlQuery => ({ ...query, args: query.args.map((a, i) => scrubNul(a, query.argTypes[i]?.scalarType === "json")) });
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  q.queryRaw = (query) => queryRaw(scrub(query));
  q.executeRaw = (query) => executeRaw(scrub(query));
  return q;
}

function postgresClient(url: string) {
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const conn = withoutNul(await connect());
    const start = conn.startTransaction.bind(conn);
    conn.startTransaction = async (isolationLevel) => withoutNul(await start(isolationLevel));
    return conn;
  };
  return new PostgresClient({ adapter, omit });
}

function createClient(url: string): Db {
  if (url.startsWith("file:")) return sqliteClient(url);
  return postgresClient(url) as unknown as Db;
}

const globalForDb = globalThis as unknown as { keydeskDb?: Db };

export const db: Db = (globalForDb.keydeskDb ??= createClient(env.databaseUrl));

if (env.provider === "sqlite") {
  // WAL lets readers proceed during a write; busy_timeout queues writers instead of failing.
  void db.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => {});
  void db.$queryRawUnsafe("PRAGMA busy_timeout = 5000").catch(() => {});
}

/**
 * A case-insensitive `contains` filter for either provider: ILIKE on PostgreSQL (served by trigram
 * indexes where the schema has them); SQLite's LIKE already ignores ASCII case.
 */
export function containsInsensitive(q: string): { contains: string } {
  return (env.provider === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as { contains: string };
}
