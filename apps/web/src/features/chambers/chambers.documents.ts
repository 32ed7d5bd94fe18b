import { graphql } from "../../gql";

export const chamberFieldsFragment = graphql(`
  fragment ChamberFields on Chamber {
    id
    name
    city
    regionKind
    partnerSince
    contact
    memberCount
  }
`);

export const chambersQuery = graphql(`
  query Chambers($first: Int, $after: String, $filter: ChamberFilter) {
    chambers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ChamberFields
        }
      }
    }
  }
`);

export const apiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    label
    prefix
    scopes
    status
    hourlyBudget
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const chamberQuery = graphql(`
  query Chamber($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Chamber {
        ...ChamberFields
        apiKeys {
          ...ApiKeyFields
        }
      }
    }
  }
`);

export const chamberMembersQuery = graphql(`
  query ChamberMembers($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Chamber {
        members(first: $first, after: $after) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            cursor
            node {
              id
              name
              creditCode
              town
            }
          }
        }
      }
    }
  }
`);

export const createChamberMutation = graphql(`
  mutation CreateChamber($input: CreateChamberInput!) {
    createChamber(input: $input) {
      chamber {
        ...ChamberFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateChamberMutation = graphql(`
  mutation UpdateChamber($input: UpdateChamberInput!) {
    updateChamber(input: $input) {
      chamber {
        ...ChamberFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const addChamberMembersMutation = graphql(`
  mutation AddChamberMembers($input: AddChamberMembersInput!) {
    addChamberMembers(input: $input) {
      chamber {
        id
        memberCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const removeChamberMembersMutation = graphql(`
  mutation RemoveChamberMembers($input: RemoveChamberMembersInput!) {
    removeChamberMembers(input: $input) {
      chamber {
        id
        memberCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const createApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const revokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const rotateApiKeyMutation = graphql(`
  mutation RotateApiKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyFields
      }
      previousApiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
