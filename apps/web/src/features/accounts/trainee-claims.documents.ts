import { graphql } from "../../gql";

export const traineeClaimFieldsFragment = graphql(`
  fragment TraineeClaimFields on TraineeClaim {
    id
    status
    typedName
    typedIdCardMasked
    mismatches
    decisionNote
    createdAt
    decidedAt
    user {
      id
      name
      phone
    }
    trainee {
      id
      name
      phone
      idCardNumber
    }
  }
`);

export const traineeClaimsQuery = graphql(`
  query TraineeClaims($first: Int, $after: String, $filter: TraineeClaimFilter) {
    traineeClaims(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...TraineeClaimFields
        }
      }
    }
  }
`);

export const decideTraineeClaimMutation = graphql(`
  mutation DecideTraineeClaim($input: DecideTraineeClaimInput!) {
    decideTraineeClaim(input: $input) {
      claim {
        ...TraineeClaimFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
