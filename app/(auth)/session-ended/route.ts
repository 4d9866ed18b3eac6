// GET /session-ended: where a page sends a browser whose session was ended elsewhere (signed out of
// other sessions, password changed or reset). Clears the cookie and shows the sign-in page with a
// note. A live session is not touched (a link here cannot sign anyone out).
import { signOut } from "@/auth";
import { sessionWasEnded } from "@/lib/auth/session";

export async function GET(req: Request) {
  if (!(await sessionWasEnded())) return Response.redirect(new URL("/", req.url), 303);
  await signOut({ redirectTo: "/login?ended=1" });
  return Response.redirect(new URL("/login?ended=1", req.url), 303);
}
