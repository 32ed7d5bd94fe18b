import { graphql } from "../../gql";

export const userFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    name
    phone
    roles
    active
    createdAt
  }
`);

export const usersQuery = graphql(`
  query Users($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...UserFields
        }
      }
    }
  }
`);

export const createUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setUserRolesMutation = graphql(`
  mutation SetUserRoles($input: SetUserRolesInput!) {
    setUserRoles(input: $input) {
      user {
        ...UserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setUserActiveMutation = graphql(`
  mutation SetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) {
      user {
        ...UserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
