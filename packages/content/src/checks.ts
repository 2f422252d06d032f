import { z } from 'zod';

// Field checks for what GraphQL's types cannot say: a required text may still be blank, a slug or
// a URL may be malformed. They only check: values go on unchanged (the mappers trim them, once).

/** Text with more than spaces in it; with `max`, at most that many characters once trimmed. */
export function text(max = Infinity) {
  return z.string().superRefine((value, ctx) => {
    const length = value.trim().length;
    if (length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty', input: value });
    else if (length > max) ctx.addIssue({ code: 'too_big', maximum: max, origin: 'string', inclusive: true, input: value });
  });
}

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

/** A link readers may follow: http(s) only. */
export const webUrl = z.url({ protocol: /^https?$/ });

/** GraphQL has a localised entry's locale as nullable, but every one has it. */
export const entryLocale = text();
