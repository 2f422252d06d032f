type Entry = Record<string, unknown>;
type Problem = { path: string; message: string };

const FIELDS = ['publishAt', 'unpublishAt'] as const;

function toTime(value: unknown) {
  if (value === null || value === undefined || value === '') return null;
  const time = new Date(value as string).getTime();
  return Number.isNaN(time) ? null : time;
}

/**
 * The checks on an article's schedule when it is saved: a time that is set (or changed) must not be
 * in the past, and unpublishing comes after publishing. A time that was already stored is not
 * re-checked, so saving other fields of an article whose time has just passed still works.
 */
export function scheduleProblems(data: Entry, current: Entry | null, now = Date.now()): Problem[] {
  if (!FIELDS.some((field) => field in data)) return [];
  const problems: Problem[] = [];
  for (const field of FIELDS) {
    const time = toTime(data[field]);
    if (time === null || time === toTime(current?.[field])) continue;
    if (time <= now) {
      problems.push({ path: field, message: `${field} is in the past: choose a time from now on, or clear it.` });
    }
  }
  const merged = { ...(current ?? {}), ...data };
  const publishAt = toTime(merged.publishAt);
  const unpublishAt = toTime(merged.unpublishAt);
  if (publishAt !== null && unpublishAt !== null && unpublishAt <= publishAt && !problems.some((p) => p.path === 'unpublishAt')) {
    problems.push({ path: 'unpublishAt', message: 'unpublishAt must be after publishAt: the article is unpublished after it is published.' });
  }
  return problems;
}
