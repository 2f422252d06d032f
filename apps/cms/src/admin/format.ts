// Times and durations in the editor's own locale and time zone.
const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "12:04" today, "3 Mar 2026, 12:04" another day. */
export function formatWhen(iso: string | null | undefined) {
  if (!iso) return '—';
  const date = new Date(iso);
  return sameDay(date, new Date())
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "850 ms", "42 s", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export const STATE_LABELS = { queued: 'Queued', building: 'Building', live: 'Live', failed: 'Failed' } as const;
export const TARGET_LABELS = { site: 'Public site', preview: 'Preview' } as const;
