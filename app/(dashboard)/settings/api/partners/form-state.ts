// What the partner server actions answer to useActionState.
export type PartnerFieldErrors = Partial<Record<"name" | "email" | "level" | "permissions" | "expiry" | "rate_limit" | "form", string[]>>;

/** A key a narrower level would narrow: what it holds now and what it would keep. */
export type NarrowedKey = { id: string; name: string; permissions: string[]; narrowed_to: string[] };

export type PartnerActionState = {
  ok?: boolean;
  message?: string;
  errors?: PartnerFieldErrors;
  /** The claim email: "sent", or "failed" with the error, for the admin to retry. */
  mail?: { status: "sent" | "failed"; error: string | null; to: string };
  partnerId?: string;
  keyId?: string;
  /** Change level: the keys to narrow, asked before anything changes. */
  confirmNarrow?: { level: string; keys: NarrowedKey[] };
};
