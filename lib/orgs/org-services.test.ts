import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createOrg } from "@/lib/orgs/create-org";
import { getCachedOrg } from "@/lib/orgs/get-org";
import { updateOrgSettings } from "@/lib/orgs/update-org-settings";
import { makeKey, makeOrg, rand } from "@/test/factories";

const actor = systemActor("test");

describe("createOrg", () => {
  it("creates with the default plan and an audit event", async () => {
    const slug = `acme-${rand()}`;
    const org = await createOrg({ slug, name: " Acme " }, actor);
    expect(org).toMatchObject({ slug, name: "Acme", plan: "professional", requireApiToken: false, allowQueryKeys: true, defaultRateLimitPerHour: 1000, revealPolicy: "reveal" });
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "org.created" } })).toBe(1);
  });

  it("refuses a taken slug, a bad slug and an empty name", async () => {
    const org = await makeOrg();
    await expect(createOrg({ slug: org.slug, name: "Again" }, actor)).rejects.toMatchObject({ code: "conflict", message: `An organization with slug "${org.slug}" already exists.` });
    await expect(createOrg({ slug: "api", name: "X" }, actor)).rejects.toMatchObject({ code: "invalid_request", message: 'Slug "api" is reserved.' });
    await expect(createOrg({ slug: `ok-${rand()}`, name: "  " }, actor)).rejects.toMatchObject({ code: "invalid_request" });
  });
});

describe("updateOrgSettings", () => {
  it("records before/after of the changed fields only and refreshes the cache", async () => {
    const org = await makeOrg();
    expect((await getCachedOrg(org.id))?.requireApiToken).toBe(false);
    const r = await updateOrgSettings(org.id, { requireApiToken: true, plan: "professional", defaultRateLimitPerHour: 50 }, actor);
    expect(r.changed).toEqual(["requireApiToken", "defaultRateLimitPerHour"]);
    expect((await getCachedOrg(org.id))?.requireApiToken).toBe(true);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "org.settings_updated" } });
    expect(ev.metadata).toEqual({ before: { requireApiToken: false, defaultRateLimitPerHour: 1000 }, after: { requireApiToken: true, defaultRateLimitPerHour: 50 } });
  });

  it("writes nothing when nothing changes", async () => {
    const org = await makeOrg();
    const r = await updateOrgSettings(org.id, { plan: "professional" }, actor);
    expect(r.changed).toEqual([]);
    expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("switching to show_once deletes this organization's ciphertexts and no other's", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    await makeKey(org.id);
    await makeKey(org.id);
    await makeKey(other.id);
    const stored = (orgId: string) => db.apiKeySecret.count({ where: { key: { organizationId: orgId }, ciphertext: { not: null } } });
    expect(await stored(org.id)).toBe(2);
    const r = await updateOrgSettings(org.id, { revealPolicy: "show_once" }, actor);
    expect(r.forgotten).toBe(2);
    expect(await stored(org.id)).toBe(0);
    expect(await stored(other.id)).toBe(1);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "org.settings_updated" } });
    expect(ev.metadata).toMatchObject({ before: { revealPolicy: "reveal" }, after: { revealPolicy: "show_once" }, ciphertexts_deleted: 2 });
  });

  it("refuses bad values with invalid_request and unknown organizations with not_found", async () => {
    const org = await makeOrg();
    await expect(updateOrgSettings(org.id, { defaultRateLimitPerHour: 0 }, actor)).rejects.toMatchObject({ code: "invalid_request" });
    await expect(updateOrgSettings(org.id, { plan: "gold" } as never, actor)).rejects.toMatchObject({ code: "invalid_request" });
    await expect(updateOrgSettings("nope", { plan: "free" }, actor)).rejects.toMatchObject({ code: "not_found" });
  });
});
