/** A new key's default name: its creation date and time in UTC, e.g. "2026-11-22 14:03". */
export function defaultKeyName(at = new Date()): string {
  return at.toISOString().slice(0, 16).replace("T", " ");
}
