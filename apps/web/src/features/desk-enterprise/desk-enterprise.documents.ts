import { graphql } from "../../gql";

export const myDeskEnterprisesQuery = graphql(`
  query MyDeskEnterprises {
    myDeskEnterprises {
      id
      name
      creditCode
    }
    myContactRequests {
      id
      status
      byPhoneCode
      decisionNote
      createdAt
      enterprise {
        id
        name
      }
    }
  }
`);

export const requestEnterpriseContactMutation = graphql(`
  mutation RequestEnterpriseContact($input: RequestEnterpriseContactInput!) {
    requestEnterpriseContact(input: $input) {
      request {
        id
        status
        enterprise {
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

export const reportProblemMutation = graphql(`
  mutation ReportProblem($input: ReportProblemInput!) {
    reportProblem(input: $input) {
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

export const myProblemsQuery = graphql(`
  query MyProblems($first: Int, $after: String, $filter: ProblemFilter) {
    problems(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          title
          category
          status
          createdAt
          enterprise {
            id
            name
          }
        }
      }
    }
  }
`);

export const problemFields = graphql(`
  fragment ProblemDetailFields on Problem {
    id
    title
    description
    category
    status
    level
    rating
    answer
    answeredAt
    dueAt
    createdAt
    enterprise {
      id
      name
    }
    department {
      id
      name
    }
    timeline {
      id
      kind
      level
      note
      byEnterprise
      createdAt
      department {
        id
        name
      }
      attachments {
        id
        fileName
        contentType
        byteSize
        url
      }
    }
  }
`);

export const problemQuery = graphql(`
  query MyProblem($id: ID!) {
    node(id: $id) {
      __typename
      ... on Problem {
        ...ProblemDetailFields
      }
    }
  }
`);

export const rateProblemMutation = graphql(`
  mutation RateMyProblem($input: RateProblemInput!) {
    rateProblem(input: $input) {
      problem {
        ...ProblemDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const supplementProblemMutation = graphql(`
  mutation SupplementProblem($input: SupplementProblemInput!) {
    supplementProblem(input: $input) {
      problem {
        ...ProblemDetailFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const contactRequestsQuery = graphql(`
  query EnterpriseContactRequests($first: Int, $after: String, $filter: ContactRequestFilter) {
    enterpriseContactRequests(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          status
          byPhoneCode
          decisionNote
          createdAt
          enterprise {
            id
            name
            creditCode
          }
          user {
            id
            name
            phone
          }
        }
      }
    }
  }
`);

export const enterpriseContactsQuery = graphql(`
  query EnterpriseContacts($first: Int, $after: String) {
    enterpriseContacts(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          enterprise {
            id
            name
            creditCode
          }
          user {
            id
            name
            phone
          }
        }
      }
    }
  }
`);

export const decideEnterpriseContactMutation = graphql(`
  mutation DecideEnterpriseContact($input: DecideEnterpriseContactInput!) {
    decideEnterpriseContact(input: $input) {
      request {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const removeEnterpriseContactMutation = graphql(`
  mutation RemoveEnterpriseContact($input: RemoveEnterpriseContactInput!) {
    removeEnterpriseContact(input: $input) {
      contact {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
