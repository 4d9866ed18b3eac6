import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireAdmin();
  return (
    <Card>
      <CardHeader title="Webhooks" description="Endpoints that Keydesk calls when something happens, with a delivery log." />
      <EmptyState title="Webhooks are not available yet" description="Keydesk does not send webhooks yet. This page will list your endpoints, their events and deliveries once it does." />
    </Card>
  );
}
