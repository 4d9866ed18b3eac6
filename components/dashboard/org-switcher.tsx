"use client";
import { useTransition } from "react";
import { DropdownMenu } from "radix-ui";
import { CheckIcon, ChevronDownIcon } from "@/components/ui/icons";

type Org = { organizationId: string; name: string; slug: string; role: string };

export function OrgSwitcher({ current, memberships, onSwitch }: { current: Org; memberships: Org[]; onSwitch: (id: string) => Promise<unknown> }) {
  const [pending, start] = useTransition();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Organization: ${current.name}. Switch organization`}
        className="inline-flex max-w-[14rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded bg-slate-900 text-[11px] font-semibold text-white">
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="truncate" data-testid="current-org">{current.name}</span>
        <ChevronDownIcon className="shrink-0 text-slate-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-[16rem] rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-slate-500">Organizations</DropdownMenu.Label>
          {memberships.map((m) => (
            <DropdownMenu.Item
              key={m.organizationId}
              disabled={pending}
              onSelect={() => {
                if (m.organizationId !== current.organizationId) start(async () => void (await onSwitch(m.organizationId)));
              }}
              className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
            >
              <span className="flex-1 truncate">{m.name}</span>
              <span className="text-xs text-slate-400 capitalize">{m.role}</span>
              {m.organizationId === current.organizationId ? <CheckIcon className="text-brand-600" /> : <span className="w-4" />}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
