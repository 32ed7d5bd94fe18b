import { graphql } from "../gql";

/**
 * What every mutation payload's `userErrors` and every connection's `pageInfo` select, written once;
 * documents spread them by name (`...UserErrorFields`, `...PageInfoFields`).
 */
export const userErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    field
    message
  }
`);

export const pageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
