export const USAGE = `Usage: npm run keydesk -- <command> [options]

Commands:
  users create --email E --password P --role owner|admin|agent [--org SLUG] [--name NAME]
      Create a user and their membership. Without --org: the only organization there is.
  orgs create --slug S --name N [--plan free|starter|professional]
  orgs set --slug S [--plan free|starter|professional] [--name N]
           [--require-api-token on|off] [--allow-query-keys on|off]
           [--default-rate-limit N] [--reveal-policy reveal|show_once]
  keys create --org SLUG --scopes read|write|admin|PERMS [--name N] [--expires ISO] [--rate-limit N]
      PERMS: comma-separated resource:level, e.g. articles:write,categories:read
      Prints {"id", "key"}: the only time the CLI shows a secret.
  db migrate          Apply pending migrations to DATABASE_URL (default file:./data/keydesk.db)
  db seed [--if-empty]
      Create the demo organization "demo" with an owner (password printed once) and content.
      --if-empty: do nothing when any organization exists.

Output: JSON on stdout, messages on stderr.
Exit status: 0 ok, 1 failure (nothing written), 2 bad usage.
`;

/** The command line itself is wrong: exit 2 with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The command was well-formed but cannot be done: exit 1, one line on stderr. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
