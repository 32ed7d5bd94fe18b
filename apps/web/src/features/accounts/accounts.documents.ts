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

export const requestPhoneCodeMutation = graphql(`
  mutation RequestPhoneCode($input: RequestPhoneCodeInput!) {
    requestPhoneCode(input: $input) {
      sentTo
      resendAfterSeconds
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const loginWithCodeMutation = graphql(`
  mutation LoginWithCode($input: LoginWithCodeInput!) {
    loginWithCode(input: $input) {
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

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
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

export const changePhoneMutation = graphql(`
  mutation ChangePhone($input: ChangePhoneInput!) {
    changePhone(input: $input) {
      user {
        id
        phone
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
