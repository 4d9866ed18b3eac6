// Tells a key's creator when someone else viewed its secret (best effort, never blocks the reveal).
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";

export async function notifyCreatorOfReveal(key: { name: string; createdByType: string; createdById: string | null }, by: string, ip: string | null, reason: string | null, orgName: string) {
  try {
    if (key.createdByType !== "user" || !key.createdById) return;
    const creator = await db.user.findUnique({ where: { id: key.createdById }, select: { email: true } });
    if (!creator || creator.email === by) return;
    const lines = [`${by} viewed the secret of the API key "${key.name}" in ${orgName}.`, `IP: ${ip ?? "unknown"}`, `Reason: ${reason ?? "(none given)"}`, "", "If this was not expected, rotate the key in Settings > API."];
    await sendMail({
      to: creator.email,
      subject: `Your API key "${key.name}" was viewed`,
      text: lines.join("\n"),
      html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(""),
    });
  } catch (e) {
    log.warn({ err: (e as Error).message }, "reveal notification failed");
  }
}
