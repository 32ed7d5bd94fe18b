import { graphql } from "../../gql";

export const myProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      phone
      trainee {
        ...MyTraineeFields
      }
      traineeClaim {
        id
        status
      }
    }
  }
`);

export const myTraineeFieldsFragment = graphql(`
  fragment MyTraineeFields on Trainee {
    id
    name
    gender
    position
    idCardNumber
    enterprise {
      id
      name
    }
    pendingEnterpriseLink {
      id
      enterprise {
        id
        name
      }
    }
    enterpriseLinks {
      id
      status
      decisionReason
      enterprise {
        id
        name
      }
    }
  }
`);

export const updateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      trainee {
        ...MyTraineeFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Asked for only when the trainee presses "show": the API masks the number otherwise. */
export const myWholeIdCardQuery = graphql(`
  query MyWholeIdCard {
    me {
      id
      trainee {
        id
        wholeIdCardNumber: idCardNumber(unmasked: true)
      }
    }
  }
`);
