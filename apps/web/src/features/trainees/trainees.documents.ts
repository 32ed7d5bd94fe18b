import { graphql } from "../../gql";

export const traineeFieldsFragment = graphql(`
  fragment TraineeFields on Trainee {
    id
    name
    gender
    phone
    position
    idCardNumber
    createdAt
    enterprise {
      id
      name
    }
  }
`);

export const traineesQuery = graphql(`
  query Trainees($first: Int, $after: String, $filter: TraineeFilter) {
    trainees(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...TraineeFields
        }
      }
    }
  }
`);

/** Admin only, and every call is written to the audit log. */
export const traineeIdCardQuery = graphql(`
  query TraineeIdCard($id: ID!) {
    node(id: $id) {
      id
      ... on Trainee {
        idCardNumber(unmasked: true)
      }
    }
  }
`);

export const createTraineeMutation = graphql(`
  mutation CreateTrainee($input: CreateTraineeInput!) {
    createTrainee(input: $input) {
      trainee {
        ...TraineeFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateTraineeMutation = graphql(`
  mutation UpdateTrainee($input: UpdateTraineeInput!) {
    updateTrainee(input: $input) {
      trainee {
        ...TraineeFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Staff's queue: enterprises trainees named for themselves, waiting for confirmation. */
export const traineeEnterpriseLinksQuery = graphql(`
  query TraineeEnterpriseLinks($first: Int, $after: String, $filter: TraineeEnterpriseLinkFilter) {
    traineeEnterpriseLinks(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          status
          createdAt
          decidedAt
          decisionReason
          enterprise {
            id
            name
          }
          trainee {
            id
            name
            phone
            position
            enterprise {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const confirmTraineeEnterpriseLinkMutation = graphql(`
  mutation ConfirmTraineeEnterpriseLink($input: ConfirmTraineeEnterpriseLinkInput!) {
    confirmTraineeEnterpriseLink(input: $input) {
      link {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const rejectTraineeEnterpriseLinkMutation = graphql(`
  mutation RejectTraineeEnterpriseLink($input: RejectTraineeEnterpriseLinkInput!) {
    rejectTraineeEnterpriseLink(input: $input) {
      link {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
