import { graphql } from "../../gql";

export const myProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      phone
      trainee {
        ...MyTraineeFields
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
  }
`);

export const updateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      trainee {
        ...MyTraineeFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
