"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const items = [
  { href: "/settings/api", label: "Keys" },
  { href: "/settings/api/partners", label: "Partners" },
  { href: "/settings/api/webhooks", label: "Webhooks" },
  { href: "/settings/api/history", label: "History" },
  { href: "/settings/api/settings", label: "Settings" },
];

export function SettingsNav() {
  const path = usePathname();
  const active = (href: string) => (href === "/settings/api" ? path === href || path.startsWith("/settings/api/keys") : path.startsWith(href));
  return (
    <nav aria-label="API settings" className="-mb-px flex gap-4 overflow-x-auto border-b border-slate-200 sm:gap-6">
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          aria-current={active(i.href) ? "page" : undefined}
          className={cn(
            "border-b-2 px-0.5 pb-3 text-sm font-medium whitespace-nowrap transition-colors",
            active(i.href) ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
          )}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
