import { configSecurityHeaders } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status
  experimental: { authInterrupts: true },
  // the CLI, tests and scripts share lib/ with the app; generated Prisma clients are TS sources
  typescript: { ignoreBuildErrors: false },
  async headers() {
    // One-time pages: never cached, never indexed, and the token in the URL never leaks as a referrer.
    const oneTime = [
      { key: "Cache-Control", value: "no-store" },
      { key: "X-Robots-Tag", value: "noindex, nofollow" },
      { key: "Referrer-Policy", value: "no-referrer" },
    ];
    // Security headers on every answer, pages and /api alike (lib/http/security-headers.mjs); the
    // page CSP with its nonce, and HSTS, come from proxy.ts. Later entries win for the same header.
    return [
      ...configSecurityHeaders(),
      { source: "/claim/:token*", headers: oneTime },
      { source: "/invite/:token*", headers: oneTime },
    ];
  },
};
export default nextConfig;
