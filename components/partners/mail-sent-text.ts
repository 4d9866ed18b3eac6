// What the dashboard says after a claim-link mail left: sent, or (no SMTP server set) saved in data/outbox/.
import type { PartnerActionState } from "@/lib/actions/action-state";

export function mailSentText(mail: NonNullable<PartnerActionState["mail"]>): string {
  return mail.outbox ? `No SMTP server is set: the email to ${mail.to} was saved in data/outbox/` : `Email sent to ${mail.to}`;
}
