"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The app's sections; API settings only for Owners and Admins (Agents would get a 403 there). */
export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const path = usePathname();
  const items = [
    { href: "/approvals", label: "Approvals" },
    ...(isAdmin ? [{ href: "/settings/api", label: "API" }, { href: "/settings/team", label: "Team" }] : []),
  ];
  return (
    <nav aria-label="Main" className="ml-2 hidden items-center gap-1 sm:flex">
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          aria-current={path.startsWith(i.href) ? "page" : undefined}
          className={cn("rounded-md px-2.5 py-1.5 text-sm font-medium", path.startsWith(i.href) ? "bg-slate-100 text-slate-900" : "text-slate-500 hover:text-slate-900")}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
