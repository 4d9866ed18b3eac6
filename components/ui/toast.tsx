"use client";
// Toasts for completed actions (radix Toast: announced politely, swipe or Escape to dismiss).
import { createContext, useCallback, useContext, useState } from "react";
import { Toast } from "radix-ui";
import { CheckIcon } from "@/components/ui/icons";

type Item = { id: number; text: string };
const Ctx = createContext<(text: string) => void>(() => {});

export function useToast() {
  return useContext(Ctx);
}

export function Toaster({ children }: { children: React.ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback((text: string) => setItems((xs) => [...xs, { id: Date.now() + Math.random(), text }]), []);
  return (
    <Ctx.Provider value={push}>
      <Toast.Provider duration={4000}>
        {children}
        {items.map((t) => (
          <Toast.Root
            key={t.id}
            onOpenChange={(open) => {
              if (!open) setItems((xs) => xs.filter((x) => x.id !== t.id));
            }}
            className="flex items-center gap-2 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg"
          >
            <CheckIcon className="text-emerald-400" />
            <Toast.Description>{t.text}</Toast.Description>
          </Toast.Root>
        ))}
        <Toast.Viewport className="fixed right-4 bottom-4 z-[60] flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none" />
      </Toast.Provider>
    </Ctx.Provider>
  );
}
