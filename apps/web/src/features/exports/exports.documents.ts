import { graphql } from "../../gql";

export const createExportUrlMutation = graphql(`
  mutation CreateExportUrl($input: CreateExportUrlInput!) {
    createExportUrl(input: $input) {
      url
      expiresAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
