import { validateYupSchema, yup } from '@strapi/utils';

/**
 * A build report from the site server (apps/site/src/rebuild-report.ts has the sending side and
 * the contract): one per state change of a build of the public site or the editors' preview.
 */
export type BuildTarget = 'site' | 'preview';
export type BuildState = 'queued' | 'building' | 'live' | 'failed';
export type BuildTrigger = { event: string; uid: string | null; documentId: string | null; locale: string | null; at: string };
export type BuildErrorEntry = { type: string; documentId: string | null; locale: string | null; field: string | null };
export type BuildReport = {
  target: BuildTarget;
  buildId: string;
  state: BuildState;
  triggers: BuildTrigger[];
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  siteUrl: string;
  error: { message: string; entry: BuildErrorEntry | null } | null;
};

export const TARGETS: readonly BuildTarget[] = ['site', 'preview'];
const STATES: readonly BuildState[] = ['queued', 'building', 'live', 'failed'];
/** A long debounce can gather many changes: all are accepted, the first ones are kept. */
export const KEPT_TRIGGERS = 25;

const time = () =>
  yup
    .string()
    .nullable()
    .test('iso-time', '${path} must be an ISO 8601 time such as 2026-03-03T12:04:00.000Z', (v) => v == null || !Number.isNaN(Date.parse(v)));
const optionalText = (max: number) => yup.string().nullable().max(max);

const schema = yup
  .object({
    target: yup.string().required().oneOf([...TARGETS]),
    buildId: yup
      .string()
      .required()
      .max(100)
      .matches(/^[A-Za-z0-9._:-]+$/, '${path} may hold only letters, digits and . _ : -'),
    state: yup.string().required().oneOf([...STATES]),
    triggers: yup
      .array()
      .required()
      .max(10_000)
      .of(
        yup
          .object({
            event: yup.string().required().max(100),
            uid: optionalText(200),
            documentId: optionalText(100),
            locale: optionalText(20),
            at: time().required(),
          }),
      ),
    startedAt: time(),
    finishedAt: time(),
    durationMs: yup.number().nullable().integer().min(0),
    siteUrl: yup
      .string()
      .required()
      .max(500)
      .matches(/^https?:\/\/\S+$/, '${path} must be an http(s) URL'),
    error: yup
      .object({
        message: yup.string().required().max(4_000),
        entry: yup
          .object({
            type: yup.string().required().max(200),
            documentId: optionalText(100),
            locale: optionalText(20),
            field: optionalText(200),
          })
          .nullable(),
      })
      .nullable(),
  });

/**
 * The report as stored (only the known fields, absent ones as null, the first triggers), or
 * Strapi's ValidationError (400) naming each wrong field by its path.
 */
export async function parseBuildReport(body: unknown): Promise<BuildReport & { triggerCount: number }> {
  const r = (await validateYupSchema(schema)(body, 'Invalid build report')) as BuildReport;
  const entry = r.error?.entry;
  return {
    target: r.target,
    buildId: r.buildId,
    state: r.state,
    triggers: r.triggers.slice(0, KEPT_TRIGGERS).map((t) => ({
      event: t.event,
      uid: t.uid ?? null,
      documentId: t.documentId ?? null,
      locale: t.locale ?? null,
      at: t.at,
    })),
    triggerCount: r.triggers.length,
    startedAt: r.startedAt ?? null,
    finishedAt: r.finishedAt ?? null,
    durationMs: r.durationMs ?? null,
    siteUrl: r.siteUrl,
    error: r.error
      ? {
          message: r.error.message,
          entry: entry
            ? { type: entry.type, documentId: entry.documentId ?? null, locale: entry.locale ?? null, field: entry.field ?? null }
            : null,
        }
      : null,
  };
}
