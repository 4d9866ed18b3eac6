// Issue 11: rotating yields a working secret, so the dashboard asks for the password again, as for
// "View API key". The server action runs with next/headers and the session replaced by a test user.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { makeKey, makeOrg, rand } from "@/test/factories";

const jar = new Map<string, string>();
let current: unknown = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.20", "user-agent": "vitest" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ requireAdmin: async () => current }));

const { revealKeyAction, rotateKeyAction } = await import("@/lib/actions/key-actions");

const PASSWORD = "correct horse battery";

async function signedInOwner() {
  const org = await makeOrg();
  const { user } = await createUser({ email: `o-${rand()}@example.com`, password: PASSWORD, role: "owner", organizationId: org.id }, systemActor("test"));
  current = { user: { id: user.id, email: user.email, name: user.name }, organization: org, role: "owner", memberships: [] };
  return org;
}

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const liveSecrets = (keyId: string) => db.apiKeySecret.count({ where: { keyId, revokedAt: null } });

describe("rotate in the dashboard needs the password again", () => {
  beforeEach(() => jar.clear());

  it("refuses without it or with a wrong one (nothing rotated), rotates with it, then not again for 10 minutes", async () => {
    const org = await signedInOwner();
    const { key } = await makeKey(org.id, { scopes: ["read"] });
    const missing = await rotateKeyAction({}, form({ keyId: key.id, old_secret_expiry: "manual" }));
    expect(missing).toEqual({ errors: { password: ["Enter your password to continue"] } });
    const wrong = await rotateKeyAction({}, form({ keyId: key.id, old_secret_expiry: "manual", password: "not the password" }));
    expect(wrong).toEqual({ errors: { password: ["Incorrect password"] } });
    expect(await liveSecrets(key.id)).toBe(1);
    const ok = await rotateKeyAction({}, form({ keyId: key.id, old_secret_expiry: "manual", password: PASSWORD }));
    expect(ok).toMatchObject({ ok: true, secret: expect.stringMatching(/^kd_/) });
    expect(await liveSecrets(key.id)).toBe(2);
    // the confirmation is shared with reveal: no password asked within the window
    const { key: other } = await makeKey(org.id, { scopes: ["read"] });
    expect(await rotateKeyAction({}, form({ keyId: other.id, old_secret_expiry: "now" }))).toMatchObject({ ok: true });
    expect(await revealKeyAction({}, form({ keyId: other.id }))).toMatchObject({ ok: true });
  });
});
