import { graphql } from "../../gql";

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      user {
        id
        name
        roles
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const registerTraineeMutation = graphql(`
  mutation RegisterTrainee($input: RegisterTraineeInput!) {
    registerTrainee(input: $input) {
      token
      user {
        id
        name
        roles
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const changePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
