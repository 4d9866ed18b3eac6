// Auth.js endpoints (session, csrf, callback, signout).
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
