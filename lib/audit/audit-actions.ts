// Every action that lib/ records in the audit log, with its label, its group in the history's
// filter, and how its details read ("Rate limit per hour: 1,000 → 5,000"). Pure: the history
// page, the CSV export, the filter menu and the services' typed `action` all come from here, so an
// action without a label does not compile.

type Metadata = Record<string, unknown>;
type Entry = { group: Group; label: string; detail?: (md: Metadata) => (string | null | undefined)[] };

export const AUDIT_GROUPS = ["API keys", "Partners", "Webhooks", "Team", "Settings", "Knowledge base", "Approvals", "Desk tokens"] as const;
type Group = (typeof AUDIT_GROUPS)[number];

const named = (md: Metadata) => [quoted(md.name ?? md.key_name ?? md.title)];

const CATALOGUE = {
  "key.created": { group: "API keys", label: "Created key", detail: (md) => [quoted(md.name), md.canary ? "decoy" : null, md.partner_id ? "for a partner" : null, permissionsText(md.permissions), md.expires_at ? `expires ${formatValue(md.expires_at)}` : null] },
  "key.updated": { group: "API keys", label: "Updated key", detail: (md) => [quoted((md.after as Metadata | undefined)?.name), ...changes(md), text(md.reason)] },
  "key.revealed": { group: "API keys", label: "Revealed key", detail: (md) => [quoted(md.key_name), md.reason ? `reason: ${String(md.reason)}` : null] },
  "key.rotated": { group: "API keys", label: "Rotated key", detail: (md) => [md.old_secret_retire === "when_idle" ? `old secret retires after ${String(md.idle_hours)} h without requests` : md.old_secret_expires_at ? `old secret works until ${formatValue(md.old_secret_expires_at)}` : "old secret retired at once"] },
  "key.secret_retired": { group: "API keys", label: "Retired old secret", detail: (md) => [text(md.reason), md.last_used_at ? `last used ${formatValue(md.last_used_at)}` : null] },
  "key.deleted": { group: "API keys", label: "Deleted key", detail: named },
  "key.restored": { group: "API keys", label: "Restored key", detail: named },
  "key.paused": { group: "API keys", label: "Paused key", detail: (md) => [quoted(md.name), text(md.reason)] },
  "key.resumed": { group: "API keys", label: "Resumed key", detail: named },
  "key.leaked": { group: "API keys", label: "Key found in public", detail: (md) => [quoted(md.name), text(md.url), md.source ? `reported by ${String(md.source)}` : null, md.action === "revoked" ? "secret revoked" : "owners notified"] },
  "key.canary_used": { group: "API keys", label: "Decoy key used", detail: (md) => [quoted(md.name), md.ip ? `from ${String(md.ip)}` : null, md.count && Number(md.count) > 1 ? `${String(md.count)} requests` : null] },
  "partner.created": { group: "Partners", label: "Added partner", detail: (md) => [quoted(md.name), text(md.email), md.level ? `level ${levelWords(md.level)}` : null] },
  "partner.updated": { group: "Partners", label: "Updated partner", detail: (md) => [quoted((md.after as Metadata | undefined)?.name), ...changes(md), md.narrowed_keys ? `${String(md.narrowed_keys)} keys narrowed` : null] },
  "partner.paused": { group: "Partners", label: "Paused partner", detail: (md) => [quoted(md.name), countText(md.keys, "key")] },
  "partner.resumed": { group: "Partners", label: "Resumed partner", detail: (md) => [quoted(md.name), countText(md.keys, "key")] },
  "partner.deleted": { group: "Partners", label: "Deleted partner", detail: (md) => [quoted(md.name), countText(md.keys, "key")] },
  "partner.restored": { group: "Partners", label: "Restored partner", detail: (md) => [quoted(md.name), countText(md.keys, "key")] },
  "partner.link_resent": { group: "Partners", label: "Sent a new claim link" },
  "partner.key_claimed": { group: "Partners", label: "Partner claimed key" },
  "webhook.created": { group: "Webhooks", label: "Added webhook endpoint", detail: (md) => [text(md.url), Array.isArray(md.events) ? (md.events.length ? `events: ${md.events.join(", ")}` : "all events") : null] },
  "webhook.updated": { group: "Webhooks", label: "Updated webhook endpoint", detail: (md) => [text(md.url), ...changes(md), Array.isArray(md.changed) && !md.before ? `changed ${fieldList(md.changed)}` : null] },
  "webhook.deleted": { group: "Webhooks", label: "Deleted webhook endpoint", detail: (md) => [text(md.url)] },
  "webhook.paused": { group: "Webhooks", label: "Webhook endpoint paused (failing)", detail: (md) => [text(md.url), md.failing_since ? `failing since ${formatValue(md.failing_since)}` : null, text(md.last_error)] },
  "webhook.secret_rotated": { group: "Webhooks", label: "Rotated signing secret", detail: (md) => [md.previous_secret_expires_at ? `previous secret valid until ${formatValue(md.previous_secret_expires_at)}` : null] },
  "webhook.delivery_resent": { group: "Webhooks", label: "Resent delivery", detail: (md) => [md.previous_status ? `was ${String(md.previous_status)}` : null] },
  "webhook.test_sent": { group: "Webhooks", label: "Sent test event", detail: (md) => [text(md.url), md.status_code ? `answered HTTP ${String(md.status_code)}` : text(md.error)] },
  "member.added": { group: "Team", label: "Added member", detail: (md) => [text(md.email), md.role ? `as ${String(md.role)}` : null] },
  "member.invited": { group: "Team", label: "Invited member", detail: (md) => [text(md.email), md.role ? `as ${String(md.role)}` : null] },
  "member.invitation_resent": { group: "Team", label: "Resent invitation", detail: (md) => [text(md.email)] },
  "member.invitation_revoked": { group: "Team", label: "Revoked invitation", detail: (md) => [text(md.email)] },
  "member.joined": { group: "Team", label: "Member joined", detail: (md) => [text(md.email), md.role ? `as ${String(md.role)}` : null] },
  "member.role_changed": { group: "Team", label: "Changed member role", detail: (md) => [text(md.email), ...changes(md)] },
  "member.removed": { group: "Team", label: "Removed member", detail: (md) => [text(md.email), md.role ? `was ${String(md.role)}` : null] },
  "member.password_changed": { group: "Team", label: "Changed password" },
  "member.password_reset": { group: "Team", label: "Reset password by email" },
  "member.sessions_revoked": { group: "Team", label: "Signed out other sessions" },
  "org.created": { group: "Settings", label: "Created organization", detail: (md) => [quoted(md.name), md.plan ? `plan ${String(md.plan)}` : null] },
  "org.settings_updated": { group: "Settings", label: "Changed API settings", detail: (md) => [...changes(md), md.ciphertexts_deleted ? `${String(md.ciphertexts_deleted)} stored secrets deleted` : null] },
  "article.created": { group: "Knowledge base", label: "Created article", detail: named },
  "article.updated": { group: "Knowledge base", label: "Updated article", detail: (md) => [quoted(md.title), ...changes(md), Array.isArray(md.changed) && !md.before ? `changed ${fieldList(md.changed)}` : null, md.published ? "published" : null] },
  "article.deleted": { group: "Knowledge base", label: "Deleted article", detail: named },
  "category.created": { group: "Knowledge base", label: "Created category", detail: named },
  "category.updated": { group: "Knowledge base", label: "Updated category", detail: (md) => [quoted(md.name), ...changes(md), Array.isArray(md.changed) && !md.before ? `changed ${fieldList(md.changed)}` : null] },
  "category.deleted": { group: "Knowledge base", label: "Deleted category", detail: named },
  "approval.created": { group: "Approvals", label: "Submitted approval", detail: named },
  "approval.decided": { group: "Approvals", label: "Decided approval", detail: (md) => [quoted(md.title), md.status ? String(md.status).toLowerCase() : null, md.comment ? `comment: ${String(md.comment)}` : null] },
  "desk_token.created": { group: "Desk tokens", label: "Created desk token", detail: (md) => [md.expires_at ? `expires ${formatValue(md.expires_at)}` : null] },
  "desk_token.revoked": { group: "Desk tokens", label: "Revoked desk token" },
} satisfies Record<string, Entry>;

export type AuditAction = keyof typeof CATALOGUE;
export const AUDIT_ACTIONS = Object.keys(CATALOGUE) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(CATALOGUE, value);
}

/** The label of an action; an action no longer recorded (older rows) still reads as words. */
export function auditActionLabel(action: string): string {
  if (isAuditAction(action)) return CATALOGUE[action].label;
  const words = action.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The filter menu: every action, grouped, in the catalogue's order. */
export function auditActionGroups(): { group: Group; actions: { value: AuditAction; label: string }[] }[] {
  return AUDIT_GROUPS.map((group) => ({
    group,
    actions: AUDIT_ACTIONS.filter((a) => CATALOGUE[a].group === group).map((value) => ({ value, label: CATALOGUE[value].label })),
  })).filter((g) => g.actions.length > 0);
}

/** One line of details in words, e.g. `“CI” · Rate limit per hour: 1,000 → 5,000`; null when there is nothing to say. */
export function describeAuditEvent(action: string, metadata: unknown): string | null {
  const md = metadata && typeof metadata === "object" && !Array.isArray(metadata) ? (metadata as Metadata) : {};
  const entry: Entry | undefined = isAuditAction(action) ? CATALOGUE[action] : undefined;
  const parts = entry?.detail ? entry.detail(md) : [quoted(md.name ?? md.title)];
  const out = parts.filter((p): p is string => typeof p === "string" && p.length > 0);
  return out.length ? out.join(" · ") : null;
}

// --- words ---------------------------------------------------------------------------------------

const FIELD_WORDS: Record<string, string> = {
  name: "Name",
  email: "Email",
  level: "Level",
  role: "Role",
  title: "Title",
  url: "URL",
  enabled: "Enabled",
  events: "Events",
  permissions: "Permissions",
  expires_at: "Expires",
  rate_limit_per_hour: "Rate limit per hour",
  allowed_ips: "Allowed IPs",
  plan: "Plan",
  requireApiToken: "Require an API key for every request",
  allowQueryKeys: "Allow keys in the query string",
  defaultRateLimitPerHour: "Default rate limit per hour",
  revealPolicy: "Secret reveal",
  leakedKeyAction: "When a key is found in public",
  maxKeyLifetimeDays: "Maximum key lifetime (days)",
  idleKeyDays: "Pause keys unused for (days)",
  body: "Body",
  published: "Published",
  visibility: "Visibility",
  categoryId: "Category",
  category_id: "Category",
  slug: "Slug",
  description: "Description",
};

const VALUE_WORDS: Record<string, string> = {
  show_once: "show once",
  reveal: "can be revealed",
  revoke: "revoke it",
  notify: "notify owners",
};

function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function fieldList(fields: unknown[]): string {
  return fields.map((f) => fieldWords(String(f)).toLowerCase()).join(", ");
}

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a reader says it: dates as "4 Dec 2026, 14:05 UTC", null as "none", numbers grouped. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "none";
  if (typeof v === "boolean") return v ? "on" : "off";
  if (typeof v === "number") return v.toLocaleString("en-US");
  if (v instanceof Date || (typeof v === "string" && DATE.test(v))) {
    const d = new Date(v as string | Date);
    if (!Number.isNaN(d.getTime())) return `${d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => formatValue(x)).join(", ") : "none";
  if (typeof v === "string") return VALUE_WORDS[v] ?? v;
  return JSON.stringify(v);
}

/** "Field: before → after" for each field that differs between metadata.before and metadata.after. */
function changes(md: Metadata): string[] {
  const before = md.before as Metadata | undefined;
  const after = md.after as Metadata | undefined;
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  return Object.keys(after)
    .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
    .map((k) => (k === "permissions" ? `${fieldWords(k)}: ${permissionDiff(before[k], after[k])}` : `${fieldWords(k)}: ${formatValue(before[k])} → ${formatValue(after[k])}`));
}

function permissionDiff(before: unknown, after: unknown): string {
  const b = new Set(Array.isArray(before) ? before.map(String) : []);
  const a = new Set(Array.isArray(after) ? after.map(String) : []);
  const added = [...a].filter((p) => !b.has(p));
  const removed = [...b].filter((p) => !a.has(p));
  return [added.length ? `added ${added.join(", ")}` : null, removed.length ? `removed ${removed.join(", ")}` : null].filter(Boolean).join("; ") || "unchanged";
}

function permissionsText(v: unknown): string | null {
  return Array.isArray(v) && v.length ? `permissions: ${v.map(String).join(", ")}` : null;
}

function levelWords(v: unknown): string {
  return String(v).replace(/_/g, " ");
}

function countText(v: unknown, noun: string): string | null {
  return typeof v === "number" ? `${v} ${noun}${v === 1 ? "" : "s"}` : null;
}

function quoted(v: unknown): string | null {
  return typeof v === "string" && v ? `“${v}”` : null;
}

function text(v: unknown): string | null {
  return typeof v === "string" && v ? v : null;
}
