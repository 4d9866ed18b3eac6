"use client";
import { startTransition } from "react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { ChevronDownIcon } from "@/components/ui/icons";

export function UserMenu({ name, email, role, onSignOut }: { name: string; email: string; role: string; onSignOut: () => Promise<unknown> }) {
  const initials = (name || email).split(/\s+/).map((w) => w[0]).join("").slice(0, 2).toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger aria-label={`Account: ${email}`} className="inline-flex items-center gap-2 rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-100 data-[state=open]:bg-slate-100">
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">{initials}</span>
        <span className="hidden max-w-[12rem] truncate sm:inline" data-testid="user-email">{email}</span>
        <ChevronDownIcon className="text-slate-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-[15rem] rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <div className="px-2 py-2">
            <p className="truncate text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-500">{email}</p>
            <p className="mt-1 text-xs text-slate-500 capitalize">Role: {role}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          {/* the header's section links are hidden on narrow screens: offer them here */}
          <DropdownMenu.Item asChild className="block cursor-default rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 sm:hidden">
            <Link href="/approvals">Approvals</Link>
          </DropdownMenu.Item>
          {role === "owner" || role === "admin" ? (
            <DropdownMenu.Item asChild className="block cursor-default rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 sm:hidden">
              <Link href="/settings/api">API settings</Link>
            </DropdownMenu.Item>
          ) : null}
          {role === "owner" || role === "admin" ? (
            <DropdownMenu.Item asChild className="block cursor-default rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 sm:hidden">
              <Link href="/settings/team">Team</Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item asChild className="block cursor-default rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100">
            <Link href="/profile">Profile, password and desk tokens</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => startTransition(async () => void (await onSignOut()))}
            className="cursor-default rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
