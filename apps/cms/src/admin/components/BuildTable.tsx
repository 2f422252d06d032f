import { Link as RouterLink } from 'react-router-dom';
import { Link, Status, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import { formatDuration, formatWhen, STATE_LABELS } from '../format';
import type { Build, BuildState } from '../types';

export const STATE_VARIANTS: Record<BuildState, 'neutral' | 'secondary' | 'success' | 'danger'> = {
  queued: 'neutral',
  building: 'secondary',
  live: 'success',
  failed: 'danger',
};

const Table = styled.table`
  width: 100%;
  border-collapse: collapse;
  background: ${({ theme }) => theme.colors.neutral0};
  caption {
    text-align: start;
    padding-block-end: ${({ theme }) => theme.spaces[2]};
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: ${({ theme }) => `${theme.spaces[3]} ${theme.spaces[4]}`};
    border-block-end: 1px solid ${({ theme }) => theme.colors.neutral150};
  }
`;

/** The state as a word (never colour alone), in a coloured badge. */
export function BuildStateBadge({ state }: { state: BuildState }) {
  return (
    <Status variant={STATE_VARIANTS[state]} size="S">
      <Typography fontWeight="bold">{STATE_LABELS[state]}</Typography>
    </Status>
  );
}

function describeTrigger(t: Build['triggers'][number]) {
  const what = t.uid ? t.uid.replace(/^api::[^.]+\./, '') : null;
  return [t.event, what, t.locale && `(${t.locale})`].filter(Boolean).join(' ');
}

export function Triggers({ build }: { build: Build }) {
  if (build.triggers.length === 0) return <Typography>—</Typography>;
  const more = build.triggerCount - build.triggers.length;
  const shown = build.triggers.slice(0, 3);
  const hidden = build.triggers.length - shown.length + more;
  return (
    <Typography>
      {shown.map(describeTrigger).join(', ')}
      {hidden > 0 ? ` and ${hidden} more` : ''}
    </Typography>
  );
}

/** A failed build's message, and a link to the entry it failed on. */
export function BuildFailure({ build }: { build: Build }) {
  if (!build.error) return null;
  const { entryPath, entry } = build.error;
  return (
    <>
      <Typography textColor="danger600">{build.error.message}</Typography>
      {entryPath && entry ? (
        <>
          {' '}
          <Link tag={RouterLink} to={entryPath}>
            Open the {entry.type} {entry.locale ? `(${entry.locale}) ` : ''}in the content manager
          </Link>
        </>
      ) : null}
    </>
  );
}

export function BuildTable({ caption, builds }: { caption: string; builds: Build[] }) {
  return (
    <Table>
      <caption>
        <Typography variant="sigma">{caption}</Typography>
      </caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Started</th>
          <th scope="col">Took</th>
          <th scope="col">Triggered by</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {builds.map((build) => (
          <tr key={build.buildId}>
            <td>
              <BuildStateBadge state={build.state} />
            </td>
            <td>
              <Typography>{formatWhen(build.startedAt ?? build.receivedAt)}</Typography>
            </td>
            <td>
              <Typography>{build.state === 'building' ? 'running' : formatDuration(build.durationMs)}</Typography>
            </td>
            <td>
              <Triggers build={build} />
            </td>
            <td>
              {build.error ? <BuildFailure build={build} /> : <Typography textColor="neutral600">{build.buildId}</Typography>}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
