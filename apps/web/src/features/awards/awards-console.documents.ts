import { graphql } from "../../gql";

export const cycleRowFragment = graphql(`
  fragment CycleRow on AwardCycle {
    id
    title
    year
    phase
    quota
    nominationsCloseAt
    judgingEndsAt
    publishedAt
    program {
      id
      name
      nomineeKind
    }
  }
`);

export const consoleCyclesQuery = graphql(`
  query ConsoleAwardCycles($first: Int, $after: String, $filter: AwardCycleFilter) {
    awardCycles(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...CycleRow
        }
      }
    }
  }
`);

export const updateProgramMutation = graphql(`
  mutation UpdateAwardProgram($input: UpdateAwardProgramInput!) {
    updateAwardProgram(input: $input) {
      program {
        ...AwardProgramFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const createProgramMutation = graphql(`
  mutation CreateAwardProgram($input: CreateAwardProgramInput!) {
    createAwardProgram(input: $input) {
      program {
        ...AwardProgramFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const createCycleMutation = graphql(`
  mutation CreateAwardCycle($input: CreateAwardCycleInput!) {
    createAwardCycle(input: $input) {
      cycle {
        ...CycleRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const consoleCycleQuery = graphql(`
  query ConsoleAwardCycle($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on AwardCycle {
        ...CycleRow
        decisionReason
        criteria {
          id
          name
          description
          weight
          position
        }
        eligibilityRules {
          type
          honorKind
          years
        }
        judgingProgress {
          nominations
          nominationsWithoutJudges
          expectedScoreSets
          completeScoreSets
          conflicts
          judges {
            assigned
            complete
            conflicts
            judge {
              id
              name
            }
          }
        }
        winners {
          id
          rank
          name
          enterpriseName
          publishedAt
          certificate {
            id
            serial
          }
        }
      }
    }
  }
`);

export const nominationRowFragment = graphql(`
  fragment NominationRow on AwardNomination {
    id
    nomineeKind
    nomineeName
    justification
    eligible
    source
    status
    withdrawReason
    createdAt
    enterprise {
      id
      name
    }
    trainee {
      id
      name
    }
    judges {
      id
      complete
      conflict
      judge {
        id
        name
      }
    }
  }
`);

export const cycleNominationsQuery = graphql(`
  query CycleNominations($id: ID!, $status: NominationStatus, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on AwardCycle {
        nominations(first: $first, after: $after, status: $status) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            cursor
            node {
              ...NominationRow
            }
          }
        }
      }
    }
  }
`);

export const nominationDossierQuery = graphql(`
  query NominationDossier($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on AwardNomination {
        nomineeName
        justification
        dossier {
          ...DossierFields
        }
      }
    }
  }
`);

export const cycleRankingQuery = graphql(`
  query CycleRanking($id: ID!, $normalize: Boolean!) {
    node(id: $id) {
      __typename
      id
      ... on AwardCycle {
        quota
        ranking(normalize: $normalize) {
          rank
          score
          tied
          eligible
          winner
          assignedJudges
          completeScoreSets
          nomination {
            id
            nomineeName
          }
        }
      }
    }
  }
`);

export const awardJudgesQuery = graphql(`
  query AwardJudges {
    awardJudges(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const nomineeTraineesQuery = graphql(`
  query NomineeTrainees($search: String) {
    trainees(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          position
          enterprise {
            id
            name
          }
        }
      }
    }
  }
`);

export const nominateMutation = graphql(`
  mutation Nominate($input: NominateInput!) {
    nominate(input: $input) {
      nomination {
        ...NominationRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const withdrawNominationMutation = graphql(`
  mutation WithdrawNomination($input: WithdrawNominationInput!) {
    withdrawNomination(input: $input) {
      nomination {
        ...NominationRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const assignJudgesMutation = graphql(`
  mutation AssignJudges($input: AssignJudgesInput!) {
    assignJudges(input: $input) {
      nomination {
        ...NominationRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const unassignJudgeMutation = graphql(`
  mutation UnassignJudge($input: UnassignJudgeInput!) {
    unassignJudge(input: $input) {
      nomination {
        ...NominationRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const assignJudgesEvenlyMutation = graphql(`
  mutation AssignJudgesEvenly($input: AssignJudgesEvenlyInput!) {
    assignJudgesEvenly(input: $input) {
      assignmentsCreated
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const changePhaseMutation = graphql(`
  mutation ChangeAwardCyclePhase($input: ChangeAwardCyclePhaseInput!) {
    changeAwardCyclePhase(input: $input) {
      cycle {
        ...CycleRow
        decisionReason
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateCycleMutation = graphql(`
  mutation UpdateAwardCycle($input: UpdateAwardCycleInput!) {
    updateAwardCycle(input: $input) {
      cycle {
        ...CycleRow
        criteria {
          id
          name
          description
          weight
          position
        }
        eligibilityRules {
          type
          honorKind
          years
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const judgeAffiliationsFragment = graphql(`
  fragment JudgeAffiliationsFields on JudgeAffiliations {
    enterprises {
      id
      name
    }
    chambers {
      id
      name
    }
  }
`);

/** Every active judge for one nomination, with the conflict the records show: read before assigning. */
export const judgeCandidatesQuery = graphql(`
  query JudgeCandidates($id: ID!) {
    node(id: $id) {
      id
      ... on AwardNomination {
        judgeCandidates {
          judge {
            id
            name
            judgeAffiliations {
              ...JudgeAffiliationsFields
            }
          }
          assigned
          conflict
          conflictReason
        }
      }
    }
  }
`);

export const consoleJudgesQuery = graphql(`
  query ConsoleJudges($first: Int, $after: String) {
    awardJudges(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          name
          phone
          judgeAffiliations {
            ...JudgeAffiliationsFields
          }
        }
      }
    }
  }
`);

export const setJudgeAffiliationsMutation = graphql(`
  mutation SetJudgeAffiliations($input: SetJudgeAffiliationsInput!) {
    setJudgeAffiliations(input: $input) {
      judge {
        id
        judgeAffiliations {
          ...JudgeAffiliationsFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const chamberOptionsQuery = graphql(`
  query ChamberOptions($search: String) {
    chambers(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
