// Times rendered on the server in UTC, with the exact value in the title; no hydration drift.
const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(d: Date | string): string {
  return `${fmt.format(new Date(d))} UTC`;
}

export function relativeTime(d: Date | string, now = Date.now()): string {
  const diff = new Date(d).getTime() - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [["year", 31536e6], ["month", 2592e6], ["day", 864e5], ["hour", 36e5], ["minute", 6e4]];
  for (const [unit, ms] of units) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return "just now";
}

export function Time({ value, relative }: { value: Date | string | null | undefined; relative?: boolean }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const d = new Date(value);
  return (
    <time dateTime={d.toISOString()} title={formatDateTime(d)}>
      {relative ? relativeTime(d) : formatDateTime(d)}
    </time>
  );
}
