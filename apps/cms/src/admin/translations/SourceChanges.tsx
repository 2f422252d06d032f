import { Box, Flex, Typography } from '@strapi/design-system';
import type { SourceChange } from './types';

const clip = (text: string | null, width = 300) => {
  if (text === null) return '(empty)';
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
};

/** Each changed source field with what it said when the translation was saved and what it says now. */
export function SourceChanges({ changes }: { changes: SourceChange[] }) {
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
      {changes.map((change) => (
        <Box tag="li" key={change.field}>
          <Typography fontWeight="bold">{change.field}</Typography>
          <Box paddingLeft={2}>
            <Typography tag="p" textColor="neutral600">
              Was: <del>{clip(change.before)}</del>
            </Typography>
            <Typography tag="p">
              Now: <ins>{clip(change.after)}</ins>
            </Typography>
          </Box>
        </Box>
      ))}
    </Flex>
  );
}
