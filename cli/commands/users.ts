import { parse, required } from "@/cli/args";
import { findOrg } from "@/cli/find-org";
import { UsageError } from "@/cli/usage";
import { systemActor } from "@/lib/audit/actor";
import type { Role } from "@/lib/auth/roles";
import { createUser, validateNewUser } from "@/lib/users/create-user";

export async function usersCommand(sub: string | undefined, args: string[]) {
  if (sub !== "create") throw new UsageError(sub ? `unknown command "users ${sub}"` : "users needs a command: create");
  const v = parse(args, {
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
    org: { type: "string" },
    name: { type: "string" },
  });
  const input = { email: required(v.email, "--email"), password: required(v.password, "--password"), role: required(v.role, "--role") as Role };
  validateNewUser(input); // before touching the database: a bad role or password fails fast
  const org = await findOrg(v.org);
  const { user, membership } = await createUser({ ...input, name: v.name, organizationId: org.id }, systemActor("cli"));
  return { id: user.id, email: user.email, name: user.name, role: membership.role, organization: org.slug };
}
