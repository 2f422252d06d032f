/** Only pages with this attribute (the articles) go into the search index, as soon as one page has it. */
export const SEARCH_BODY_MARKER = 'data-pagefind-body';

export const isIndexedPage = (html: string) => html.includes(SEARCH_BODY_MARKER);
