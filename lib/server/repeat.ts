// A background job inside the server process: first after `firstMs`, then every `everyMs`; a failure is
// logged and the next run goes ahead. Timers are unref'd (they never keep a process alive); stop() ends it.
import { log } from "@/lib/log";

export function repeat(name: string, job: () => Promise<unknown>, opts: { firstMs: number; everyMs: number }) {
  const tick = () => void job().catch((err) => log.error({ err }, `${name} failed`));
  const first = setTimeout(tick, opts.firstMs);
  const every = setInterval(tick, opts.everyMs);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
