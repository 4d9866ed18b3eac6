// Signs a user in for code that reads the session through next-auth's auth() and next/headers
// (pages and server actions), so they can run in-process. Use with the vi.mock calls below:
//   vi.mock("@/auth", () => sessionMocks.auth);  vi.mock("next/headers", () => sessionMocks.headers);
import { CURRENT_ORG_COOKIE } from "@/lib/auth/current-org";

// next.config.mjs turns on experimental.authInterrupts, which forbidden() checks for at run time
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";

const state: { userId: string | null; orgId: string | null; headers: Headers } = { userId: null, orgId: null, headers: new Headers() };

/** Who is signed in from now on (null: signed out), and which organization the switcher cookie names. */
export function signInAs(userId: string | null, orgId: string | null = null) {
  state.userId = userId;
  state.orgId = orgId;
  state.headers = new Headers({ host: "localhost", origin: "http://localhost", "user-agent": "vitest" });
}

const cookieStore = {
  get: (name: string) => (name === CURRENT_ORG_COOKIE && state.orgId ? { name, value: state.orgId } : undefined),
  getAll: () => (state.orgId ? [{ name: CURRENT_ORG_COOKIE, value: state.orgId }] : []),
  has: (name: string) => name === CURRENT_ORG_COOKIE && state.orgId !== null,
  set: () => cookieStore,
  delete: () => cookieStore,
};

export const sessionMocks = {
  auth: {
    // a session issued just now: ending the user's other sessions (a row of the matrix) does not end it
    auth: async () => (state.userId ? { user: { id: state.userId, email: "" }, expires: new Date(Date.now() + 3600_000).toISOString(), iat: Math.floor(Date.now() / 1000) + 1 } : null),
    signIn: async () => undefined,
    signOut: async () => undefined,
    // next-auth's own endpoints (app/api/auth/[...nextauth]) are not ours to test: stand-ins
    handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
  },
  headers: {
    cookies: async () => cookieStore,
    headers: async () => state.headers,
    draftMode: async () => ({ isEnabled: false }),
  },
};

/** What a page or action threw: next/navigation's redirect(), forbidden() and notFound() throw digests. */
export function navigationOutcome(e: unknown): "redirect" | "forbidden" | "not_found" | "unauthorized" | null {
  const digest = (e as { digest?: string })?.digest ?? "";
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not_found";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;401") return "unauthorized";
  return null;
}
