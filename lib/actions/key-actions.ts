"use server";
// Server actions of the key dashboard, each declared over the one action helper (lib/actions):
// Owner/Admin check, the API's zod schemas, one lib/keys service with the user as the audit actor.
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import type { ActionState, CreateKeyState, SecretState, TestResult } from "@/lib/actions/action-state";
import { FormErrors } from "@/lib/actions/form-errors";
import { requireRecentPassword } from "@/lib/auth/reauth";
import { createKey } from "@/lib/keys/create-key";
import { deleteKey, restoreKey } from "@/lib/keys/delete-key";
import { KEY_FIELDS, keyInputFromForm } from "@/lib/keys/key-form";
import { notifyCreatorOfReveal } from "@/lib/keys/notify-creator-of-reveal";
import { revealKey } from "@/lib/keys/reveal-key";
import { retireSecret } from "@/lib/keys/retire-secret";
import { rotateKey } from "@/lib/keys/rotate-key";
import { testKey } from "@/lib/keys/test-key";
import { updateKey } from "@/lib/keys/update-key";
import { idSchema } from "@/lib/validations/common";
import { createKeySchema, rotateKeySchema, updateKeySchema } from "@/lib/validations/key";

const keyId = z.object({ keyId: idSchema });
const keyPaths = ({ keyId }: { keyId: string }) => ["/settings/api", `/settings/api/keys/${keyId}`];
const keyForm = { from: keyInputFromForm, fields: KEY_FIELDS, planField: "access" };

export const createKeyAction = adminAction
  .input(createKeySchema, { ...keyForm, from: (fd) => ({ ...keyInputFromForm(fd), canary: fd.get("canary") === "on" }) })
  // no revalidation: it would re-render the list under the open dialog (the empty state becomes a
  // table) and lose the secret; the dialog refreshes the page when it closes
  .action<CreateKeyState>(async ({ ctx, input: v }) => {
    const { key, secret } = await createKey(
      ctx.m.organization.id,
      { name: v.name, scopes: v.scopes, permissions: v.permissions, expiresAt: v.expires_at ?? null, rateLimitPerHour: v.rate_limit_per_hour ?? null, allowedIps: v.allowed_ips, canary: v.canary === true },
      ctx.actor,
    );
    return { ok: true, key, secret };
  });

/** "Test now": calls GET /api/v1/me with the new key from the server and reports what came back. */
export const testKeyAction = adminAction.input(z.string().max(1024)).call<TestResult>(async ({ input }) => testKey(input));

/** Rename, re-scope, change expiry or rate limit (one audit event with before and after). */
export const updateKeyAction = adminAction
  .params(keyId)
  .input(updateKeySchema, keyForm)
  .revalidate(keyPaths)
  .action<ActionState>(async ({ ctx, params, input: v }) => {
    await updateKey(ctx.m.organization.id, params.keyId, { name: v.name, scopes: v.scopes, permissions: v.permissions, expiresAt: v.expires_at, rateLimitPerHour: v.rate_limit_per_hour, allowedIps: v.allowed_ips }, ctx.actor);
    return { ok: true, message: "Key updated" };
  });

/** Pause (refused with disabled_api_key, no usage counted) or resume a key. */
export const setKeyPausedAction = adminAction
  .params(keyId)
  .input(z.object({ paused: z.boolean() }), { from: (fd) => ({ paused: fd.get("paused") === "true" }) })
  .revalidate(keyPaths)
  .action<ActionState>(async ({ ctx, params, input }) => {
    const key = await updateKey(ctx.m.organization.id, params.keyId, { disabled: input.paused }, ctx.actor);
    return { ok: true, message: input.paused ? `Paused “${key.name}”: it is refused until resumed` : `Resumed “${key.name}”` };
  });

const revealSchema = z.object({
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional(),
  password: z.string().max(1024).optional(),
});

/**
 * "View API key": the user's password again unless confirmed in the last 10 minutes, an optional
 * reason; revealKey writes the audit event (who, when, IP, user agent, reason) with the read.
 */
export const revealKeyAction = adminAction
  .params(keyId)
  .input(revealSchema, { from: (fd) => ({ reason: fd.get("reason") ?? undefined, password: fd.get("password") ?? undefined }) })
  .revalidate(keyPaths)
  .action<SecretState>(async ({ ctx, params, input }) => {
    await requireRecentPassword(ctx.m.user, input.password);
    const { secret, key } = await revealKey(ctx.m.organization.id, params.keyId, ctx.actor, { reason: input.reason || undefined });
    void notifyCreatorOfReveal(key, ctx.actor.label, ctx.actor.ip ?? null, input.reason || null, ctx.m.organization.name);
    return { ok: true, secret, keyName: key.name };
  });

const ROTATION_CHOICES = { now: 0, "1h": 3600e3, "24h": 86400e3, "7d": 7 * 86400e3 } as const;

/** The dialog's choice of when the old secret stops, as the rotate API's body. */
function rotationBody(fd: FormData) {
  const choice = String(fd.get("old_secret_expiry") ?? "24h");
  if (choice === "manual") return { old_secret_expires_at: null };
  if (choice === "idle") return { old_secret_retire: "when_idle", idle_hours: 24 };
  // own keys only: `in` also finds "constructor" and "valueOf" (NaN dates: an uncaught RangeError)
  if (Object.hasOwn(ROTATION_CHOICES, choice)) return { old_secret_expires_at: new Date(Date.now() + ROTATION_CHOICES[choice as keyof typeof ROTATION_CHOICES]).toISOString() };
  throw new FormErrors({ form: ["Choose when the old secret stops working"] });
}

/**
 * A second secret, shown once; the old one ends now, in 1 h, 24 h, 7 days, when idle or when retired
 * by hand. Rotating yields a working secret, so it asks for the password like "View API key".
 */
export const rotateKeyAction = adminAction
  .params(keyId)
  .input(rotateKeySchema, { from: rotationBody })
  .revalidate(keyPaths)
  .action<SecretState>(async ({ ctx, params, input, fd }) => {
    await requireRecentPassword(ctx.m.user, fd.get("password"));
    const idle = input.old_secret_retire === "when_idle" ? { retireWhenIdleHours: input.idle_hours ?? 24 } : {};
    const { key, secret } = await rotateKey(ctx.m.organization.id, params.keyId, input.old_secret_expires_at ?? null, ctx.actor, undefined, idle);
    return { ok: true, secret, keyName: key.name };
  });

export const retireSecretAction = adminAction
  .params(keyId.extend({ secretId: idSchema }))
  .revalidate(keyPaths)
  .action<ActionState>(async ({ ctx, params }) => {
    await retireSecret(ctx.m.organization.id, params.keyId, params.secretId, ctx.actor);
    return { ok: true, message: "Old secret retired" };
  });

/** Soft delete: the key stops working at once and waits in "Recently deleted" for 30 days. */
export const deleteKeyAction = adminAction
  .params(keyId)
  .revalidate(keyPaths)
  .action<ActionState>(async ({ ctx, params }) => {
    await deleteKey(ctx.m.organization.id, params.keyId, ctx.actor);
    redirect(`/settings/api?status=deleted&deleted=${encodeURIComponent(params.keyId)}`);
  });

export const restoreKeyAction = adminAction
  .params(keyId)
  .revalidate(keyPaths)
  .action<ActionState>(async ({ ctx, params }) => {
    const key = await restoreKey(ctx.m.organization.id, params.keyId, ctx.actor);
    return { ok: true, message: `Restored “${key.name}”` };
  });
