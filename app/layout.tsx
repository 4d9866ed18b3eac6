import type { Metadata } from "next";
import { headers } from "next/headers";
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keydesk", template: "%s · Keydesk" },
  description: "Knowledge base and approvals API with first-class API key management",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request so that Next puts this request's CSP nonce (proxy.ts) on its
  // scripts: a page prerendered at build time would carry none and its scripts would be blocked.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
