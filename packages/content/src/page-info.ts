import { graphql } from './generated/gql.js';

/** What every paged list asks for: enough for the client to fetch the other pages and count what arrived. */
export const pageInfoFields = graphql(`
  fragment PageInfo on Pagination {
    pageCount
    total
  }
`);
