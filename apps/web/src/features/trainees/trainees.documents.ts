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
