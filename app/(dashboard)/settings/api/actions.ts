"use server";
// Server actions of the key dashboard: each one re-checks the role (requireAdmin), validates with
// the API's zod schemas, calls one lib/keys service with the user as the audit actor.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actorFor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/problem";
import { createKey } from "@/lib/keys/create-key";
import { isWellFormedKey } from "@/lib/keys/key-format";
import { createKeySchema } from "@/lib/validations/key";
import { fieldOf, keyInputFromForm, type FieldErrors } from "@/components/keys/key-form";
import type { ActionState, CreateKeyState, TestResult } from "./form-state";

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
      { name: v.name, scopes: v.scopes, permissions: v.permissions, expiresAt: v.expires_at ?? null, rateLimitPerHour: v.rate_limit_per_hour ?? null },
      await actorFor(m),
    );
    revalidatePath("/settings/api");
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
    const res = await fetch(new URL("/api/v1/me", env.authUrl), { headers: { Authorization: `Bearer ${secret}` }, cache: "no-store", signal: AbortSignal.timeout(10_000) });
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
