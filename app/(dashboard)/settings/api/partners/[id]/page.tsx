import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { listEventsAbout } from "@/lib/audit/audit-history";
import { listClaimLinks } from "@/lib/partners/list-claim-links";
import { ApiError } from "@/lib/http/problem";
import { maskKey } from "@/lib/keys/key-format";
import { listKeys } from "@/lib/keys/list-keys";
import { LEVEL_PERMISSIONS } from "@/lib/partners/partner-levels";
import { getPartner } from "@/lib/partners/get-partner";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { AuditTable } from "@/components/audit/audit-table";
import { describePermissions } from "@/components/keys/describe-permissions";
import { AddPartnerKeyDialog } from "@/components/partners/add-partner-key-dialog";
import { ChangeLevelDialog } from "@/components/partners/change-level-dialog";
import { DeletePartnerDialog } from "@/components/partners/delete-partner-dialog";
import { EditPartnerDialog } from "@/components/partners/edit-partner-dialog";
import { LEVEL_TEXT } from "@/components/partners/level-text";
import { LevelBadge, PartnerStatusBadge } from "@/components/partners/partner-badges";
import { MailFailure } from "@/components/partners/mail-failure";
import { ActionButton } from "@/components/ui/action-button";
import { ActionsCell, HeaderCell, TableHead } from "@/components/ui/table";
import { ResendLinkDialog } from "@/components/partners/resend-link-dialog";
import { restorePartnerAction } from "@/lib/actions/partner-actions";

export const metadata: Metadata = { title: "Partner" };

type Link_ = { keyId: string; expiresAt: Date; usedAt: Date | null; voidedAt: Date | null; mailStatus: string; mailError: string | null; createdAt: Date };

/** Where a key's newest link stands: claimed, open (sent or failed), expired, or void. */
function LinkState({ link, now }: { link: Link_ | undefined; now: number }) {
  if (!link) return <span className="text-slate-400">No link</span>;
  if (link.usedAt) return <span className="text-slate-600">Claimed <Time value={link.usedAt} relative /></span>;
  if (link.voidedAt) return <span className="text-slate-400">No open link</span>;
  if (link.expiresAt.getTime() <= now) return <Badge tone="yellow">Link expired</Badge>;
  if (link.mailStatus === "failed") return <Badge tone="red">Email failed</Badge>;
  if (link.mailStatus === "sent") return <span className="text-slate-600">Link sent · expires <Time value={link.expiresAt} relative /></span>;
  return <span className="text-slate-500">Link not sent yet</span>;
}

// /settings/api/partners/{id} — one partner: details, its keys and their links, level, delete.
export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const m = await requireAdmin();
  const org = m.organization;
  const { id } = await params;
  let partner;
  try {
    partner = await getPartner(org.id, id);
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") notFound();
    throw e;
  }
  const deleted = Boolean(partner.deleted_at);
  const [keyList, links] = await Promise.all([
    listKeys(org.id, { partnerId: partner.id, status: deleted ? "deleted" : "active", perPage: 100, sort: "created_asc" }),
    listClaimLinks(org.id, partner.id),
  ]);
  // a deleted partner shows the keys that went with it (deleted at the same instant)
  const keys = deleted ? keyList.data.filter((k) => k.deleted_at === partner.deleted_at) : keyList.data;
  // the partner's history: the partner itself and its keys (created, claimed, rotated, paused...)
  const events = await listEventsAbout(org.id, [partner.id, ...keyList.data.map((k) => k.id)], 50);
  const newestLink = new Map<string, Link_>();
  for (const l of links) if (!newestLink.has(l.keyId)) newestLink.set(l.keyId, l);
  const now = Date.now();
  const failedSends = deleted ? [] : keys.filter((k) => {
    const l = newestLink.get(k.id);
    return l && !l.usedAt && !l.voidedAt && l.expiresAt.getTime() > now && l.mailStatus === "failed";
  });

  return (
    <div className="space-y-6">
      <div>
        <Link href="/settings/api/partners" className="text-sm text-slate-500 hover:text-slate-700">← Partners</Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 className="truncate text-lg font-semibold text-slate-900" data-testid="partner-name">{partner.name}</h2>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
              <span>{partner.email}</span>
              <LevelBadge level={partner.level} />
              <PartnerStatusBadge status={partner.status} />
            </div>
          </div>
          {deleted ? (
            <ActionButton action={restorePartnerAction} fields={{ partnerId: partner.id }} label="Restore partner" pendingLabel="Restoring…" variant="primary" />
          ) : null}
        </div>
        {deleted ? (
          <p className="mt-3 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            This partner was deleted <Time value={partner.deleted_at} relative /> with its keys, which do not work. Restore it within 30 days of deletion to bring the keys back.
          </p>
        ) : null}
      </div>

      {failedSends.map((k) => (
        <MailFailure key={k.id} partnerId={partner.id} keyId={k.id} to={partner.email} error={newestLink.get(k.id)?.mailError ?? null} lead={`The email with the link for “${k.name}” was not sent`} />
      ))}

      <Card>
        <CardHeader title="Details" actions={deleted ? null : <EditPartnerDialog partnerId={partner.id} name={partner.name} email={partner.email} />} />
        <DescriptionList>
          <DescriptionItem label="Contact email">{partner.email}</DescriptionItem>
          <DescriptionItem label="Level">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <LevelBadge level={partner.level} />
                <p className="mt-1 text-[13px] text-slate-500">{LEVEL_TEXT[partner.level]}</p>
                <p className="mt-0.5 font-mono text-[11px] text-slate-400">{LEVEL_PERMISSIONS[partner.level].join(" · ")}</p>
              </div>
              {deleted ? null : <ChangeLevelDialog partnerId={partner.id} partnerName={partner.name} level={partner.level} plan={org.plan} />}
            </div>
          </DescriptionItem>
          <DescriptionItem label="Added"><Time value={partner.created_at} /></DescriptionItem>
          <DescriptionItem label="First claimed">{partner.claimed_at ? <Time value={partner.claimed_at} /> : <span className="text-slate-500">Not yet: the partner has not opened a link</span>}</DescriptionItem>
          <DescriptionItem label="Last activity">{partner.last_activity_at ? <Time value={partner.last_activity_at} relative /> : <span className="text-slate-500">None yet</span>}</DescriptionItem>
        </DescriptionList>
      </Card>

      <Card>
        <CardHeader
          title="Keys"
          description="Each key reaches the partner through its own one-time link. Open a key to rotate, view or delete it."
          actions={deleted ? null : <AddPartnerKeyDialog partnerId={partner.id} partnerName={partner.name} email={partner.email} level={partner.level} orgDefaultRateLimit={org.defaultRateLimitPerHour} />}
        />
        {keys.length === 0 ? (
          <EmptyState icon={<KeyIcon />} title="No keys" description={deleted ? "No keys were deleted with this partner." : "This partner holds no key. Add one to send a new link."} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[760px] text-sm" data-testid="partner-keys-table">
              <TableHead>
                <HeaderCell edge>Name</HeaderCell>
                <HeaderCell>Key</HeaderCell>
                <HeaderCell>Permissions</HeaderCell>
                <HeaderCell>Last used</HeaderCell>
                <HeaderCell>Link</HeaderCell>
                <HeaderCell edge align="right" srOnly>Actions</HeaderCell>
              </TableHead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => {
                  const link = newestLink.get(k.id);
                  return (
                    <tr key={k.id} data-testid="partner-key-row">
                      <td className="max-w-[14rem] px-5 py-3">
                        <Link href={`/settings/api/keys/${k.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700">{k.name}</Link>
                        <span className="block text-xs text-slate-400">Created <Time value={k.created_at} relative /></span>
                      </td>
                      <td className="px-3 py-3 font-mono text-xs whitespace-nowrap text-slate-600">{k.start && k.end ? maskKey(k.start, k.end) : <span className="font-sans text-slate-400">Not claimed yet</span>}</td>
                      <td className="px-3 py-3 text-slate-600" title={k.permissions.join(", ")}>{describePermissions(k.permissions, k.preset)}</td>
                      <td className="px-3 py-3 text-slate-600">{k.last_used_at ? <Time value={k.last_used_at} relative /> : <span className="text-slate-400">Never</span>}</td>
                      <td className="px-3 py-3">{deleted ? <Badge tone="gray">Deleted</Badge> : <LinkState link={link} now={now} />}</td>
                      <ActionsCell>
                        {deleted ? null : <ResendLinkDialog partnerId={partner.id} keyId={k.id} keyName={k.name} email={partner.email} claimed={Boolean(link?.usedAt) || k.secrets.length > 0} />}
                        <Link href={`/settings/api/keys/${k.id}`} aria-label={`Manage ${k.name}`} className="inline-flex h-8 items-center rounded-md px-3 text-[13px] font-medium text-brand-600 hover:bg-brand-50">Manage</Link>
                      </ActionsCell>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card>
        <CardHeader title="History" description="What happened to this partner, newest first." />
        {events.length ? <AuditTable events={events} /> : <EmptyState title="No events" />}
      </Card>

      {deleted ? null : (
        <Card className="ring-red-200">
          <div className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
            <div className="min-w-0">
              <h3 className="text-[15px] font-semibold text-slate-900">Delete partner</h3>
              <p className="mt-0.5 text-sm text-slate-500">
                {partner.key_count === 1 ? "Its key stops" : `Its ${partner.key_count} keys stop`} working at once. Restorable with its keys for 30 days.
              </p>
            </div>
            <DeletePartnerDialog partnerId={partner.id} partnerName={partner.name} keyCount={partner.key_count} />
          </div>
        </Card>
      )}
    </div>
  );
}
