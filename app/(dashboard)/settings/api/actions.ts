"use server";
// Server actions of the key dashboard: each one re-checks the role (requireAdmin), validates with
// the API's zod schemas, calls one lib/keys service with the user as the audit actor.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientIp } from "@/lib/net/client-ip";
import { actorFor } from "@/lib/auth/actor";
import { confirmPassword, hasRecentPasswordConfirmation } from "@/lib/auth/reauth";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/problem";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";
import { createKey } from "@/lib/keys/create-key";
import { deleteKey, restoreKey } from "@/lib/keys/delete-key";
import { isWellFormedKey } from "@/lib/keys/key-format";
import { revealKey } from "@/lib/keys/reveal-key";
import { retireSecret, rotateKey } from "@/lib/keys/rotate-key";
import { updateKey } from "@/lib/keys/update-key";
import { idSchema } from "@/lib/validations/common";
import { createKeySchema, rotateKeySchema, updateKeySchema } from "@/lib/validations/key";
import { fieldOf, keyInputFromForm, type FieldErrors } from "@/components/keys/key-form";
import type { ActionState, CreateKeyState, SecretState, TestResult } from "./form-state";

function zodErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[fieldOf(issue.path)] ??= []).push(issue.message);
  return out;
}

/** A service's ApiError as form state; anything else (redirect, forbidden, bugs) propagates. */
function fromApiError(e: unknown): ActionState {
  if (!(e instanceof ApiError)) throw e;
  const errors = (e.extras.errors as { path: string; message: string }[] | undefined)?.reduce<FieldErrors>((acc, x) => {
    (acc[fieldOf([x.path])] ??= []).push(x.message);
    return acc;
  }, {});
  if (e.code === "plan_required") return { errors: { access: [e.message] } };
  return { message: e.message, errors };
}

export async function createKeyAction(_prev: CreateKeyState, fd: FormData): Promise<CreateKeyState> {
  const m = await requireAdmin();
  const input = keyInputFromForm(fd);
  if ("error" in input) return { errors: input.error };
  const parsed = createKeySchema.safeParse(input);
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const v = parsed.data;
  try {
    const { key, secret } = await createKey(
      m.organization.id,
      { name: v.name, scopes: v.scopes, permissions: v.permissions, expiresAt: v.expires_at ?? null, rateLimitPerHour: v.rate_limit_per_hour ?? null, allowedIps: v.allowed_ips, canary: fd.get("canary") === "on" },
      await actorFor(m),
    );
    // no revalidation here: it would re-render the list under the open dialog (the empty state
    // becomes a table) and lose the secret; the dialog refreshes the page when it closes
    return { ok: true, key, secret };
  } catch (e) {
    return fromApiError(e);
  }
}

/** "Test now": calls GET /api/v1/me with the new key from the server and reports what came back. */
export async function testKeyAction(secret: string): Promise<TestResult> {
  await requireAdmin();
  if (typeof secret !== "string" || !isWellFormedKey(secret)) return { error: "That is not a Keydesk API key." };
  try {
    // the server calls itself directly when it knows its port; AUTH_URL (the public address) otherwise
    const origin = process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : env.authUrl;
    const res = await fetch(new URL("/api/v1/me", origin), { headers: { Authorization: `Bearer ${secret}` }, cache: "no-store", signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    let body = text;
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      /* not JSON: show as is */
    }
    return { status: res.status, body: body.slice(0, 4000) };
  } catch (e) {
    return { error: `The request failed: ${(e as Error).message}` };
  }
}

function keyIdFrom(fd: FormData): string {
  const parsed = idSchema.safeParse(fd.get("keyId"));
  if (!parsed.success) throw new ApiError("not_found", "No such API key.");
  return parsed.data;
}

function refresh(keyId?: string) {
  revalidatePath("/settings/api");
  if (keyId) revalidatePath(`/settings/api/keys/${keyId}`);
}

/** Rename, re-scope, change expiry or rate limit (one audit event with before and after). */
export async function updateKeyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const m = await requireAdmin();
  try {
    const keyId = keyIdFrom(fd);
    const input = keyInputFromForm(fd);
    if ("error" in input) return { errors: input.error };
    const parsed = updateKeySchema.safeParse(input);
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const v = parsed.data;
    await updateKey(m.organization.id, keyId, { name: v.name, scopes: v.scopes, permissions: v.permissions, expiresAt: v.expires_at, rateLimitPerHour: v.rate_limit_per_hour, allowedIps: v.allowed_ips }, await actorFor(m));
    refresh(keyId);
    return { ok: true, message: "Key updated" };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Pause (refused with disabled_api_key, no usage counted) or resume a key. */
export async function setKeyPausedAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const m = await requireAdmin();
  try {
    const keyId = keyIdFrom(fd);
    const disabled = fd.get("paused") === "true";
    const key = await updateKey(m.organization.id, keyId, { disabled }, await actorFor(m));
    refresh(keyId);
    return { ok: true, message: disabled ? `Paused “${key.name}”: it is refused until resumed` : `Resumed “${key.name}”` };
  } catch (e) {
    return fromApiError(e);
  }
}

const revealSchema = z.object({
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional(),
  password: z.string().max(1024).optional(),
});

/**
 * Reading a working secret (reveal, rotate) needs the password again unless it was confirmed in the
 * last 10 minutes: a stolen session alone must not yield a usable key. Null when confirmed.
 */
async function requireRecentPassword(user: { id: string; email: string }, password: unknown): Promise<SecretState | null> {
  if (await hasRecentPasswordConfirmation(user.id)) return null;
  if (typeof password !== "string" || !password) return { errors: { password: ["Enter your password to continue"] } };
  if (password.length > 1024) return { errors: { password: ["Incorrect password"] } };
  const confirmed = await confirmPassword(user, password, clientIp(await headers()));
  return confirmed.ok ? null : { errors: { password: [confirmed.error] } };
}

/**
 * "View API key": the user's password again unless confirmed in the last 10 minutes, an optional
 * reason; revealKey writes the audit event (who, when, IP, user agent, reason) with the read.
 */
export async function revealKeyAction(_prev: SecretState, fd: FormData): Promise<SecretState> {
  const m = await requireAdmin();
  try {
    const keyId = keyIdFrom(fd);
    const parsed = revealSchema.safeParse({ reason: fd.get("reason") ?? undefined, password: fd.get("password") ?? undefined });
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const refused = await requireRecentPassword(m.user, parsed.data.password);
    if (refused) return refused;
    const actor = await actorFor(m);
    const { secret, key } = await revealKey(m.organization.id, keyId, actor, { reason: parsed.data.reason || undefined });
    refresh(keyId);
    void notifyCreatorOfReveal(key, actor.label, actor.ip ?? null, parsed.data.reason || null, m.organization.name);
    return { ok: true, secret, keyName: key.name };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Tells the key's creator when someone else viewed its secret (best effort, never blocks the reveal). */
async function notifyCreatorOfReveal(key: { name: string; createdByType: string; createdById: string | null }, by: string, ip: string | null, reason: string | null, orgName: string) {
  try {
    if (key.createdByType !== "user" || !key.createdById) return;
    const creator = await db.user.findUnique({ where: { id: key.createdById }, select: { email: true } });
    if (!creator || creator.email === by) return;
    const lines = [`${by} viewed the secret of the API key "${key.name}" in ${orgName}.`, `IP: ${ip ?? "unknown"}`, `Reason: ${reason ?? "(none given)"}`, "", "If this was not expected, rotate the key in Settings > API."];
    await sendMail({
      to: creator.email,
      subject: `Your API key "${key.name}" was viewed`,
      text: lines.join("\n"),
      html: lines.map((l) => `<p>${l.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`).join(""),
    });
  } catch (e) {
    log.warn({ err: (e as Error).message }, "reveal notification failed");
  }
}

const ROTATION_CHOICES = { now: 0, "1h": 3600e3, "24h": 86400e3, "7d": 7 * 86400e3 } as const;

/**
 * A second secret, shown once; the old one ends now, in 1 h, 24 h, 7 days, or when retired by hand.
 * Rotating yields a working secret, so it asks for the password like "View API key".
 */
export async function rotateKeyAction(_prev: SecretState, fd: FormData): Promise<SecretState> {
  const m = await requireAdmin();
  try {
    const keyId = keyIdFrom(fd);
    const choice = String(fd.get("old_secret_expiry") ?? "24h");
    let body: { old_secret_expires_at?: string | null; old_secret_retire?: "when_idle"; idle_hours?: number };
    if (choice === "manual") body = { old_secret_expires_at: null };
    else if (choice === "idle") body = { old_secret_retire: "when_idle", idle_hours: 24 };
    // own keys only: `in` also finds "constructor" and "valueOf" (NaN dates: an uncaught RangeError)
    else if (Object.hasOwn(ROTATION_CHOICES, choice)) body = { old_secret_expires_at: new Date(Date.now() + ROTATION_CHOICES[choice as keyof typeof ROTATION_CHOICES]).toISOString() };
    else return { errors: { form: ["Choose when the old secret stops working"] } };
    const parsed = rotateKeySchema.safeParse(body);
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const refused = await requireRecentPassword(m.user, fd.get("password") ?? undefined);
    if (refused) return refused;
    const idle = parsed.data.old_secret_retire === "when_idle" ? { retireWhenIdleHours: parsed.data.idle_hours ?? 24 } : {};
    const { key, secret } = await rotateKey(m.organization.id, keyId, parsed.data.old_secret_expires_at ?? null, await actorFor(m), undefined, idle);
    refresh(keyId);
    return { ok: true, secret, keyName: key.name };
  } catch (e) {
    return fromApiError(e);
  }
}

export async function retireSecretAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const m = await requireAdmin();
  try {
    const keyId = keyIdFrom(fd);
    const secretId = idSchema.safeParse(fd.get("secretId"));
    if (!secretId.success) return { message: "No such secret." };
    await retireSecret(m.organization.id, keyId, secretId.data, await actorFor(m));
    refresh(keyId);
    return { ok: true, message: "Old secret retired" };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Soft delete: the key stops working at once and waits in "Recently deleted" for 30 days. */
export async function deleteKeyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const m = await requireAdmin();
  let keyId: string;
  try {
    keyId = keyIdFrom(fd);
    await deleteKey(m.organization.id, keyId, await actorFor(m));
  } catch (e) {
    return fromApiError(e);
  }
  refresh(keyId);
  redirect(`/settings/api?status=deleted&deleted=${encodeURIComponent(keyId)}`);
}

export async function restoreKeyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const m = await requireAdmin();
  try {
    const keyId = keyIdFrom(fd);
    const key = await restoreKey(m.organization.id, keyId, await actorFor(m));
    refresh(keyId);
    return { ok: true, message: `Restored “${key.name}”` };
  } catch (e) {
    return fromApiError(e);
  }
}
