import { Link as RouterLink } from 'react-router-dom';
import { Flex, Link, Typography } from '@strapi/design-system';
import { formatWhen } from '../format';
import { usePolled } from '../usePolled';
import type { ArticleSiteStatus } from '../types';

// What the content manager passes to an edit-view side panel (EditViewContext in 5.54).
type PanelProps = {
  model: string;
  documentId?: string;
  document?: { locale?: string | null; publishedAt?: string | null; updatedAt?: string | null } & Record<string, unknown>;
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
};

function Status({ status }: { status: ArticleSiteStatus }) {
  switch (status.state) {
    case 'live':
      return (
        <Typography>
          Live at{' '}
          <Link href={status.url} isExternal>
            {status.url}
          </Link>
          , built {formatWhen(status.builtAt)}
        </Typography>
      );
    case 'waiting':
      return <Typography>{status.building ? 'Waiting for the next build (a build is running now)' : 'Waiting for the next build'}</Typography>;
    case 'failed':
      return (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="danger600">Last build failed: {status.message}</Typography>
          <Link tag={RouterLink} to="/site-builds">
            See the site builds
          </Link>
        </Flex>
      );
    default:
      return <Typography>Not published</Typography>;
  }
}

function PanelContent({ documentId, locale, version }: { documentId: string; locale: string; version: string }) {
  const url = `/solace/site-builds/articles/${encodeURIComponent(documentId)}?locale=${encodeURIComponent(locale)}`;
  const { data, error } = usePolled<ArticleSiteStatus>(url, 5_000, version);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} aria-live="polite">
      {data ? <Status status={data} /> : null}
      {!data && !error ? <Typography>Checking the site…</Typography> : null}
      {error ? <Typography textColor="danger600">Could not check the site: {error}</Typography> : null}
    </Flex>
  );
}

/** "Live at …, built 12:04" or "Waiting for the next build" beside an article's editor. */
export function ArticleSitePanel({ model, documentId, document }: PanelProps) {
  if (model !== 'api::article.article' || !documentId) return null;
  const locale = document?.locale ?? new URLSearchParams(window.location.search).get('plugins[i18n][locale]') ?? 'en';
  return {
    title: 'On the site',
    // Asks again at once when the editor publishes or saves (the document changes).
    content: <PanelContent documentId={documentId} locale={locale} version={`${document?.publishedAt}|${document?.updatedAt}`} />,
  };
}
