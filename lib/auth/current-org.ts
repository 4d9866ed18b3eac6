/** The cookie naming the organization a user with several memberships is working in. */
export const CURRENT_ORG_COOKIE = "keydesk-org";
