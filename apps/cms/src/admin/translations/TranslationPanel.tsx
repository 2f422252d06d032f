import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { usePolled } from '../usePolled';
import { SourceChanges } from './SourceChanges';
import { STATE_LABELS, type DocumentStatus, type Locales } from './types';

// What the content manager passes to an edit-view side panel (EditViewContext in 5.54).
type PanelProps = {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string | null } & Record<string, unknown>;
};

function LocaleLine({ status, name }: { status: DocumentStatus; name: string }) {
  const changed = status.changes.map((c) => c.field).join(', ');
  return (
    <Box tag="li">
      <Flex gap={2} wrap="wrap">
        {status.adminPath ? (
          <Link tag={RouterLink} to={status.adminPath}>
            {name}
          </Link>
        ) : (
          <Typography>{name}</Typography>
        )}
        <Badge active={status.state === 'up-to-date'}>{STATE_LABELS[status.state]}</Badge>
        {status.state === 'outdated' ? <Typography>— {changed} changed</Typography> : null}
      </Flex>
      {status.state === 'outdated' ? (
        <details>
          <summary>
            <Typography>Old and new source text</Typography>
          </summary>
          <SourceChanges changes={status.changes} />
        </details>
      ) : null}
    </Box>
  );
}

/** "Spanish: outdated — title, body changed" for each locale, beside any translatable document's editor. */
export function TranslationPanel({ model, documentId, document }: PanelProps) {
  const url = model.startsWith('api::') && documentId ? `/solace/translations/documents/${model}/${encodeURIComponent(documentId)}` : null;
  // Asks again whenever the editor saves (the document changes).
  const { data } = usePolled<DocumentStatus[]>(url, 60_000, document?.updatedAt ?? null);
  const { data: locales } = usePolled<Locales>(url ? '/solace/translations/locales' : null, 300_000);
  // Not translatable, not in the default locale yet, or not loaded: no panel.
  if (!url || !data) return null;
  const nameOf = (code: string) => locales?.all.find((l) => l.code === code)?.name ?? code;
  return {
    title: 'Translations',
    content: (
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2} aria-live="polite">
        {data.length === 0 ? <Typography>No locale besides the default one.</Typography> : null}
        {data.map((status) => (
          <LocaleLine key={status.locale} status={status} name={nameOf(status.locale)} />
        ))}
      </Flex>
    ),
  };
}
