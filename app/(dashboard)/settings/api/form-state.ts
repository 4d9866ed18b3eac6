import type { FieldErrors } from "@/components/keys/key-form";
import type { SerializedKey } from "@/lib/keys/serialize-key";

export type ActionState = { ok?: boolean; message?: string; errors?: FieldErrors };
export type CreateKeyState = ActionState & { key?: SerializedKey; secret?: string };
export type SecretState = ActionState & { secret?: string; keyName?: string };
export type TestResult = { status: number; body: string } | { error: string };
