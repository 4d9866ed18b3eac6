import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage() {
  await requireAdmin();
  return (
    <Card>
      <CardHeader title="Partners" description="Outside companies, known by an email address, that receive scoped keys by email." />
      <EmptyState
        title="Partner keys are not available yet"
        description="Inviting partners by email is not built yet. Until it is, create a key on the Keys tab and share it with the partner yourself."
      />
    </Card>
  );
}
