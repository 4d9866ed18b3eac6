// Tells an organization's owners that an endpoint was paused because every delivery failed for days.
import "server-only";
import { db } from "@/lib/db";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import type { PostResult } from "@/lib/webhooks/post-webhook";

export async function emailOwnersAboutPause(organizationId: string, url: string, last: PostResult) {
  const owners = await db.membership.findMany({ where: { organizationId, role: "owner" }, select: { user: { select: { email: true } }, organization: { select: { name: true } } } });
  const why = last.error ?? `HTTP ${last.statusCode}`;
  for (const o of owners) {
    const org = o.organization.name;
    await sendMail({
      to: o.user.email,
      subject: `[${org}] Webhook endpoint paused: ${url}`,
      text: `Every delivery to ${url} has failed for 3 days, so Keydesk paused this endpoint.\nLast error: ${why}\n\nFix the receiver, then enable the endpoint again under Settings → API → Webhooks; pending deliveries will be sent in order.`,
      html: `<p>Every delivery to <code>${escapeHtml(url)}</code> has failed for 3 days, so Keydesk paused this endpoint.</p><p>Last error: ${escapeHtml(why)}</p><p>Fix the receiver, then enable the endpoint again under Settings → API → Webhooks; pending deliveries will be sent in order.</p>`,
      fromName: `${org} via Keydesk`,
    });
  }
}
