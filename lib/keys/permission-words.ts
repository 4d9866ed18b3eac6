// What permissions let a key do, in words: the claim page, the partner level picker and the key
// presets show these instead of `articles:write`. Pure (client components use it).

const WORDS: Record<string, { read: string; write?: string }> = {
  articles: { read: "Read articles", write: "Read, create, change and delete articles" },
  categories: { read: "Read categories", write: "Read, create, change and delete categories" },
  approvals: { read: "See approvals", write: "See, submit and decide approvals" },
  team: { read: "See the team", write: "See the team and invite members" },
  keys: { read: "See API keys", write: "See, create, rotate and delete API keys" },
  webhooks: { read: "See webhook endpoints and deliveries", write: "Manage webhook endpoints" },
  usage: { read: "See API usage" },
  settings: { read: "See API settings", write: "See and change API settings" },
  audit: { read: "Read the history (audit log)" },
};

/** One sentence per resource, the strongest level held: ["Read articles", "See, submit and decide approvals"]. */
export function permissionsInWords(permissions: readonly string[]): string[] {
  const held = new Set(permissions);
  const out: string[] = [];
  for (const [resource, w] of Object.entries(WORDS)) {
    if (w.write && held.has(`${resource}:write`)) out.push(w.write);
    else if (held.has(`${resource}:read`) || held.has(`${resource}:write`)) out.push(w.read);
  }
  return out;
}
