// How long to wait, as people say it: "Try again in 58 minutes." (429 details, sign-in and
// re-authentication limits). Whole minutes from a minute up, seconds below, rounded up.

export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  if (m < 120) return `${m} minute${m === 1 ? "" : "s"}`;
  const h = Math.ceil(m / 60);
  return `${h} hours`;
}

export function tryAgainIn(seconds: number): string {
  return `Try again in ${waitInWords(seconds)}.`;
}
