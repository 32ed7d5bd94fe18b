import { graphql } from "../../gql";

export const staffProblemRowFragment = graphql(`
  fragment StaffProblemRow on Problem {
    id
    title
    category
    status
    level
    dueAt
    overdue
    escalations
    createdAt
    heldByViewer
    enterprise {
      id
      name
    }
    department {
      id
      name
    }
  }
`);

export const deskProblemsQuery = graphql(`
  query DeskProblems($first: Int, $after: String, $filter: ProblemFilter, $orderBy: ProblemOrder) {
    problems(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...StaffProblemRow
        }
      }
    }
  }
`);

export const deskDepartmentsQuery = graphql(`
  query DeskDepartments {
    departments {
      id
      name
    }
  }
`);

export const deskProblemQuery = graphql(`
  query DeskProblem($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Problem {
        ...StaffProblemRow
        description
        reporterKind
        answer
        answeredAt
        rating
        instructions
        late
        closedAt
        timeline {
          id
          kind
          level
          note
          createdAt
          department {
            id
            name
          }
          attachments {
            id
            fileName
            byteSize
            url
          }
        }
      }
    }
  }
`);

export const triageProblemMutation = graphql(`
  mutation TriageProblem($input: TriageProblemInput!) {
    triageProblem(input: $input) {
      problem {
        id
        status
        category
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const triageProblemsMutation = graphql(`
  mutation TriageProblems($input: TriageProblemsInput!) {
    triageProblems(input: $input) {
      problems {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const assignProblemsMutation = graphql(`
  mutation AssignProblems($input: AssignProblemsInput!) {
    assignProblems(input: $input) {
      problems {
        id
        status
        dueAt
        department {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const workOnProblemMutation = graphql(`
  mutation WorkOnProblem($input: WorkOnProblemInput!) {
    workOnProblem(input: $input) {
      problem {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const answerProblemMutation = graphql(`
  mutation AnswerProblem($input: AnswerProblemInput!) {
    answerProblem(input: $input) {
      problem {
        id
        status
        answer
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const escalateProblemMutation = graphql(`
  mutation EscalateProblem($input: EscalateProblemInput!) {
    escalateProblem(input: $input) {
      problem {
        id
        status
        level
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const sendProblemBackMutation = graphql(`
  mutation SendProblemBack($input: SendProblemBackInput!) {
    sendProblemBack(input: $input) {
      problem {
        id
        status
        level
        instructions
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deskFiguresQuery = graphql(`
  query DeskFigures($range: DeskFiguresRange) {
    deskFigures(range: $range) {
      handledTotal
      total {
        ...DeskFigureRowFields
      }
      byDepartment {
        ...DeskFigureRowFields
      }
      byCategory {
        ...DeskFigureRowFields
      }
      byLevel {
        ...DeskFigureRowFields
      }
      byMonth {
        ...DeskFigureRowFields
      }
    }
  }
`);

export const deskFigureRowFragment = graphql(`
  fragment DeskFigureRowFields on DeskFigureRow {
    key
    label
    total
    open
    overdue
    closed
    answered
    onTime
    rated
    satisfied
    onTimeRate
    satisfactionRate
  }
`);
