/**
 * What went wrong: `unauthorized` is a token the CMS does not accept at all (unknown, revoked,
 * expired); `forbidden` is a valid token that lacks a permission the query needs.
 */
export type ContentFetchErrorKind = 'unreachable' | 'timeout' | 'unauthorized' | 'forbidden' | 'http' | 'graphql';

/** The CMS could not give us the content; the message says what to check. */
export class ContentFetchError extends Error {
  override readonly name = 'ContentFetchError';
  readonly kind: ContentFetchErrorKind;
  readonly url: string;
  readonly status: number | undefined;

  constructor(
    kind: ContentFetchErrorKind,
    url: string,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.url = url;
    this.status = options.status;
  }
}

export interface ContentIssue {
  /** Dotted path into the entry, e.g. `seo.metaTitle` or `topics.0.slug`; empty for the entry itself. */
  path: string;
  message: string;
}

/** An entry from the CMS does not have the shape the site relies on. */
export class ContentValidationError extends Error {
  override readonly name = 'ContentValidationError';
  readonly type: string;
  readonly documentId: string | null;
  readonly locale: string | null;
  readonly issues: ContentIssue[];

  constructor(where: { type: string; documentId?: string | null; locale?: string | null }, issues: ContentIssue[]) {
    const id = where.documentId ? ` "${where.documentId}"` : '';
    const locale = where.locale ? ` (locale ${where.locale})` : '';
    const details = issues.map((issue) => `${issue.path || '(entry)'}: ${issue.message}`).join('; ');
    super(`Invalid ${where.type}${id}${locale}: ${details}`);
    this.type = where.type;
    this.documentId = where.documentId ?? null;
    this.locale = where.locale ?? null;
    this.issues = issues;
  }
}
