// The roles of a member in an organization, in one place: the list, its zod schema (API, actions,
// CLI), the Owner/Admin test, and what each role may do in words (invitation page, team screen).
import { z } from "zod";

export const ROLES = ["owner", "admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: "Choose owner, admin or agent" });

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Owners and Admins manage API keys, partners, webhooks, settings and the team. */
export const isAdminRole = (role: Role) => role === "owner" || role === "admin";

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", agent: "Agent" };

export const ROLE_WORDS: Record<Role, string> = {
  owner: "Everything, including API keys, settings and the team",
  admin: "API keys, partners, webhooks, settings and the team",
  agent: "The knowledge base and approvals; no API settings",
};
