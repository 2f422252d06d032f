import type { Core } from '@strapi/strapi';
import type { BuildReport, BuildState, BuildTarget } from './report';

export type StoredBuild = BuildReport & { triggerCount: number; receivedAt: string; updatedAt: string };

/** How many builds of each target the CMS keeps. */
export const HISTORY_LENGTH = 20;

// One row per build in Strapi's core store table (strapi_core_store_settings), which exists on
// every database Strapi supports. A row per build, rather than one list under a key, means two
// CMS instances receiving reports at once never overwrite each other's builds.
const STORE = 'strapi::core-store';
const prefix = (target: BuildTarget) => `solace_site_build::${target}::`;

type Row = { id: number; key: string; value: string };

const RANK: Record<BuildState, number> = { queued: 0, building: 1, live: 2, failed: 2 };

/** Records a report: a new build, or the next state of one already known. */
export async function saveBuild(strapi: Core.Strapi, report: BuildReport & { triggerCount: number }) {
  const query = strapi.db.query(STORE);
  const key = prefix(report.target) + report.buildId;
  const now = new Date().toISOString();
  const row = (await query.findOne({ where: { key } })) as Row | null;

  if (!row) {
    const build: StoredBuild = { ...report, receivedAt: now, updatedAt: now };
    await query.create({ data: { key, value: JSON.stringify(build), type: 'object' } });
  } else {
    const known = JSON.parse(row.value) as StoredBuild;
    // Reports can cross on the network: a late "building" never undoes "live" or "failed".
    if (RANK[report.state] < RANK[known.state]) return known;
    const build: StoredBuild = { ...report, receivedAt: known.receivedAt, updatedAt: now };
    await query.update({ where: { id: row.id }, data: { value: JSON.stringify(build) } });
  }
  await prune(strapi, report.target);
}

async function prune(strapi: Core.Strapi, target: BuildTarget) {
  const query = strapi.db.query(STORE);
  const rows = (await query.findMany({
    select: ['id'],
    where: { key: { $startsWith: prefix(target) } },
    orderBy: { id: 'desc' },
    offset: HISTORY_LENGTH,
  })) as Pick<Row, 'id'>[];
  if (rows.length > 0) await query.deleteMany({ where: { id: { $in: rows.map((r) => r.id) } } });
}

/** The latest builds of a target, newest (by first report) first. */
export async function listBuilds(strapi: Core.Strapi, target: BuildTarget): Promise<StoredBuild[]> {
  const rows = (await strapi.db.query(STORE).findMany({
    where: { key: { $startsWith: prefix(target) } },
    orderBy: { id: 'desc' },
    limit: HISTORY_LENGTH,
  })) as Row[];
  return rows.map((row) => JSON.parse(row.value) as StoredBuild);
}
