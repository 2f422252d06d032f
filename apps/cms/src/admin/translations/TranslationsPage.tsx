import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { Box, Field, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { usePolled } from '../usePolled';
import { SourceChanges } from './SourceChanges';
import { STATE_LABELS, type DocumentStatus, type Locales, type TranslationState } from './types';

const SECTIONS: TranslationState[] = ['missing', 'outdated', 'unknown', 'up-to-date'];

function StatusSection({ state, statuses, localeName }: { state: TranslationState; statuses: DocumentStatus[]; localeName: string }) {
  const headingId = `solace-translations-${state}`;
  if (statuses.length === 0 && state === 'unknown') return null;
  return (
    <Box tag="section" aria-labelledby={headingId} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h2" variant="beta" id={headingId}>
          {STATE_LABELS[state]} ({statuses.length})
        </Typography>
        {statuses.length === 0 ? (
          <Typography>None.</Typography>
        ) : (
          <Table colCount={3} rowCount={statuses.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Type</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Document</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{state === 'outdated' ? 'Source changed since the translation' : 'Translation'}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {statuses.map((s) => (
                <Tr key={`${s.uid}-${s.documentId}`}>
                  <Td>
                    <Typography>{s.typeName}</Typography>
                  </Td>
                  <Td>
                    {s.adminPath ? (
                      <Link tag={RouterLink} to={s.adminPath}>
                        {s.label}
                        <VisuallyHidden> ({localeName})</VisuallyHidden>
                      </Link>
                    ) : (
                      <Typography>{s.label}</Typography>
                    )}
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    {state === 'outdated' ? <SourceChanges changes={s.changes} /> : <Typography>{describe(s)}</Typography>}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Flex>
    </Box>
  );
}

function describe(s: DocumentStatus) {
  if (s.state === 'missing') return 'Not translated yet';
  if (s.state === 'unknown') return 'Saved without a record of its source: check it, then save it';
  const published = s.published === null ? '' : s.published ? ', published' : ', draft';
  return s.baseline ? `Existed before status tracking (taken as up to date)${published}` : `Saved ${new Date(s.recordedAt ?? '').toLocaleString()}${published}`;
}

/** Translations > pick a locale > what is missing, outdated (and how) and up to date, with links to edit. */
export default function TranslationsPage() {
  const [params, setParams] = useSearchParams();
  const { data: locales, error: localesError } = usePolled<Locales>('/solace/translations/locales', 60_000);
  const locale = params.get('locale') ?? locales?.targets[0]?.code ?? null;
  const { data: statuses, error } = usePolled<DocumentStatus[]>(locale ? `/solace/translations/status?locale=${encodeURIComponent(locale)}` : null, 30_000);
  const localeName = locales?.all.find((l) => l.code === locale)?.name ?? locale ?? '';
  const current = statuses && (statuses.length === 0 || statuses[0].locale === locale) ? statuses : null;

  return (
    <Page.Main>
      <Page.Title>Translations</Page.Title>
      <Layouts.Header
        title="Translations"
        subtitle={locales ? `What each locale lacks, compared with ${locales.defaultLocale}, the source of every translation.` : undefined}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {localesError ? <Typography textColor="danger600">Could not load the locales: {localesError}</Typography> : null}
          {locales && locales.targets.length === 0 ? <Typography>There is no locale besides the default one. Add one under Settings › Internationalization.</Typography> : null}
          {locales && locales.targets.length > 0 ? (
            <Box maxWidth="320px">
              <Field.Root name="locale" id="solace-translations-locale">
                <Field.Label>Locale</Field.Label>
                <SingleSelect value={locale ?? undefined} onChange={(value: string | number) => setParams({ locale: String(value) })}>
                  {locales.targets.map((l) => (
                    <SingleSelectOption key={l.code} value={l.code}>
                      {l.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          ) : null}
          {error ? <Typography textColor="danger600">Could not load the translation status: {error}</Typography> : null}
          {locale && !current && !error ? <Typography>Checking every document…</Typography> : null}
          {current
            ? SECTIONS.map((state) => (
                <StatusSection key={state} state={state} localeName={localeName} statuses={current.filter((s) => s.state === state)} />
              ))
            : null}
          <Typography textColor="neutral600">
            Agencies: export XLIFF 2.0 with <code>pnpm translations export --locale {locale ?? 'fr'}</code> and import it with{' '}
            <code>pnpm translations import file.xlf</code> (README, "Translators").
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
