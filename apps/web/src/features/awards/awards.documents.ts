import { graphql } from "../../gql";

export const honorRollQuery = graphql(`
  query HonorRoll($first: Int, $after: String, $filter: HonorRollFilter) {
    honorRoll(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          name
          enterpriseName
          nomineeKind
          year
          rank
          source
          program {
            id
            name
          }
        }
      }
    }
  }
`);

/** An award as the catalog lists it and the console edits it. */
export const awardProgramFields = graphql(`
  fragment AwardProgramFields on AwardProgram {
    id
    name
    nomineeKind
    description
  }
`);

export const awardProgramsQuery = graphql(`
  query AwardPrograms {
    awardPrograms(first: 100) {
      edges {
        node {
          ...AwardProgramFields
        }
      }
    }
  }
`);

/** What a judge (and staff) read before scoring: eligibility and the record behind it. */
export const dossierFieldsFragment = graphql(`
  fragment DossierFields on AwardDossier {
    eligible
    frozenAt
    eligibility {
      met
      rule {
        type
        honorKind
        years
      }
    }
    honors {
      kind
      level
      year
      validUntil
    }
    socialRecords {
      programme
      year
      amountYuan
      description
    }
    training {
      courseTitle
      cohortNumber
      startsOn
      endsOn
      traineeName
      certificateSerial
    }
    events {
      kind
      title
      startsOn
      traineeName
    }
    priorAwards {
      programName
      year
      winnerName
    }
  }
`);

export const myAssignmentsQuery = graphql(`
  query MyAwardAssignments($first: Int, $after: String) {
    myAwardAssignments(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          nomineeName
          complete
          weightedScore
          conflict
          createdAt
          scores {
            id
            score
          }
          cycle {
            id
            title
            year
            phase
            judgingEndsAt
            criteria {
              id
            }
          }
        }
      }
    }
  }
`);

export const assignmentFieldsFragment = graphql(`
  fragment AssignmentFields on AwardJudgeAssignment {
    id
    nomineeName
    complete
    weightedScore
    conflict
    conflictReason
    conflictDeclaredAt
    scores {
      id
      score
      comment
      updatedAt
      criterion {
        id
      }
    }
  }
`);

export const assignmentQuery = graphql(`
  query AwardAssignment($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on AwardJudgeAssignment {
        ...AssignmentFields
        cycle {
          id
          title
          year
          phase
          judgingEndsAt
          program {
            id
            name
          }
          criteria {
            id
            name
            description
            weight
            position
          }
        }
        nomination {
          id
          nomineeKind
          nomineeName
          justification
          eligible
          enterprise {
            id
            name
          }
          trainee {
            id
            name
            position
            enterprise {
              id
              name
            }
          }
          dossier {
            ...DossierFields
          }
        }
      }
    }
  }
`);

export const submitScoresMutation = graphql(`
  mutation SubmitScores($input: SubmitScoresInput!) {
    submitScores(input: $input) {
      assignment {
        ...AssignmentFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const declareConflictMutation = graphql(`
  mutation DeclareConflict($input: DeclareConflictInput!) {
    declareConflict(input: $input) {
      assignment {
        ...AssignmentFields
        nomination {
          id
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
