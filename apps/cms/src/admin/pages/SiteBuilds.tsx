import { Link as RouterLink } from 'react-router-dom';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { BuildFailure, BuildStateBadge, BuildTable, Triggers } from '../components/BuildTable';
import { formatDuration, formatWhen, TARGET_LABELS } from '../format';
import { usePolled } from '../usePolled';
import type { Build, OverdueReview } from '../types';

type Builds = Record<'site' | 'preview', Build[]>;

/** The newest build, in one sentence: what it is doing, since when, how long it took. */
function Current({ build }: { build: Build | undefined }) {
  if (!build) return <Typography>No builds reported yet.</Typography>;
  const when =
    build.state === 'live' || build.state === 'failed'
      ? `finished ${formatWhen(build.finishedAt ?? build.updatedAt)}, took ${formatDuration(build.durationMs)}`
      : build.state === 'building'
        ? `since ${formatWhen(build.startedAt)}`
        : `waiting since ${formatWhen(build.receivedAt)}`;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Flex gap={2} wrap="wrap">
        <BuildStateBadge state={build.state} />
        <Typography>{when}</Typography>
        {build.state === 'live' ? (
          <Link href={build.siteUrl} isExternal>
            {build.siteUrl}
          </Link>
        ) : null}
      </Flex>
      <Typography>
        Triggered by: <Triggers build={build} />
      </Typography>
      <BuildFailure build={build} />
    </Flex>
  );
}

function TargetSection({ target, builds }: { target: keyof Builds; builds: Build[] }) {
  const headingId = `solace-builds-${target}`;
  return (
    <Box tag="section" aria-labelledby={headingId} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h2" variant="beta" id={headingId}>
          {TARGET_LABELS[target]}
        </Typography>
        <Current build={builds[0]} />
        {builds.length > 0 ? <BuildTable caption={`Last ${builds.length} builds of the ${TARGET_LABELS[target].toLowerCase()}`} builds={builds} /> : null}
      </Flex>
    </Box>
  );
}

function OverdueReviews() {
  const { data, error } = usePolled<OverdueReview[]>('/solace/overdue-reviews', 60_000);
  return (
    <Box tag="section" aria-labelledby="solace-overdue-reviews" background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h2" variant="beta" id="solace-overdue-reviews">
          Medical reviews overdue
        </Typography>
        {error ? <Typography textColor="danger600">Could not load the reviews: {error}</Typography> : null}
        {data && data.length === 0 ? <Typography>No article is overdue for its medical review.</Typography> : null}
        {data && data.length > 0 ? (
          <ul>
            {data.map((a) => (
              <li key={`${a.documentId}-${a.locale}`}>
                <Link
                  tag={RouterLink}
                  to={`/content-manager/collection-types/api::article.article/${a.documentId}?plugins[i18n][locale]=${a.locale}`}
                >
                  {a.title} ({a.locale})
                </Link>{' '}
                <Typography>— review was due {new Date(a.nextReviewDue).toLocaleDateString(undefined, { dateStyle: 'medium' })}</Typography>
              </li>
            ))}
          </ul>
        ) : null}
      </Flex>
    </Box>
  );
}

export default function SiteBuilds() {
  const { data, error } = usePolled<Builds>('/solace/site-builds');
  return (
    <Page.Main>
      <Page.Title>Site builds</Page.Title>
      <Layouts.Header title="Site builds" subtitle="What the public site and the editors' preview are building, and whether it went live." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {error ? (
            <Typography role="alert" textColor="danger600">
              Could not load the builds: {error}
            </Typography>
          ) : null}
          {!data && !error ? <Typography>Loading…</Typography> : null}
          {data ? (
            <>
              <TargetSection target="site" builds={data.site} />
              <TargetSection target="preview" builds={data.preview} />
            </>
          ) : null}
          <OverdueReviews />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
