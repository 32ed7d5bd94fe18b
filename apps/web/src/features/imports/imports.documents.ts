import { graphql } from "../../gql";

export const importTrainingMutation = graphql(`
  mutation ImportTraining($input: ImportTrainingInput!) {
    importTraining(input: $input) {
      rowCount
      counts {
        coursesCreated
        coursesMatched
        cohortsCreated
        cohortsMatched
        traineesCreated
        traineesMatched
        enterprisesCreated
        enrollmentsCreated
        enrollmentsMatched
        certificatesIssued
      }
      problems {
        line
        column
        code
        message
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const importCommendationsMutation = graphql(`
  mutation ImportCommendations($input: ImportCommendationsInput!) {
    importCommendations(input: $input) {
      dryRun
      created
      existing
      problems {
        line
        column
        code
        message
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
