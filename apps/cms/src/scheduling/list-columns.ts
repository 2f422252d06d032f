import type { Core } from '@strapi/strapi';

const UID = 'api::article.article';
const COLUMNS = {
  publishAt: { label: 'Publish at', description: 'The CMS publishes this locale at this time (then clears it). Leave empty to publish by hand.' },
  unpublishAt: { label: 'Unpublish at', description: 'The CMS unpublishes this locale at this time (then clears it).' },
} as const;

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { layouts: { list: string[] } & Record<string, unknown>; metadatas: Record<string, Metadata> };

/**
 * Shows the schedule in the articles list and explains it in the edit view. Done once per
 * database (remembered in the core store), so an editor who later removes the columns through
 * "Configure the view" keeps their own layout.
 */
export async function showScheduleInArticleList(strapi: Core.Strapi) {
  const done = strapi.store({ type: 'plugin', name: 'solace', key: 'schedule-columns-shown' });
  if (await done.get({})) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const conf = (await contentTypes.findConfiguration({ uid: UID })) as Configuration;
  const metadatas = { ...conf.metadatas };
  for (const [field, { label, description }] of Object.entries(COLUMNS)) {
    const current = metadatas[field] ?? {};
    metadatas[field] = { ...current, edit: { ...current.edit, label, description }, list: { ...current.list, label } };
  }
  const list = [...conf.layouts.list, ...Object.keys(COLUMNS).filter((field) => !conf.layouts.list.includes(field))];
  await contentTypes.updateConfiguration({ uid: UID }, { ...conf, layouts: { ...conf.layouts, list }, metadatas });
  await done.set({ value: true });
}
