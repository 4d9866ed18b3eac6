"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorFor } from "@/lib/auth/actor";
import { requireMembership } from "@/lib/auth/session";
import { mintDeskToken, revokeDeskToken } from "@/lib/desk-tokens/desk-tokens";
import { ApiError } from "@/lib/http/problem";
import { mintDeskTokenSchema } from "@/lib/validations/desk-token";

export type MintState = { token?: string; expiresAt?: string; error?: string; fieldErrors?: Record<string, string[]> } | null;

export async function mintDeskTokenAction(_: MintState, form: FormData): Promise<MintState> {
  const m = await requireMembership();
  const parsed = mintDeskTokenSchema.safeParse({ name: form.get("name") || undefined, expires_in_hours: Number(form.get("expires_in_hours")) });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const { token, deskToken } = await mintDeskToken(m.organization.id, m.user.id, { name: parsed.data.name, expiresInHours: parsed.data.expires_in_hours }, await actorFor(m));
  revalidatePath("/profile");
  return { token, expiresAt: deskToken.expires_at };
}

export async function revokeDeskTokenAction(id: string): Promise<{ error?: string }> {
  const m = await requireMembership();
  if (typeof id !== "string" || id.length > 64) return { error: "Unknown desk token" };
  try {
    await revokeDeskToken(m.organization.id, m.user.id, id, await actorFor(m));
  } catch (e) {
    if (e instanceof ApiError) return { error: e.message };
    throw e;
  }
  revalidatePath("/profile");
  return {};
}
