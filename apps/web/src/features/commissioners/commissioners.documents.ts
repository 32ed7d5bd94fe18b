import { graphql } from "../../gql";

/** 我的企业: the commissioner's key enterprises, never or longest unvisited first. */
export const myEnterprisesQuery = graphql(`
  query MyCommissionedEnterprises($first: Int, $after: String) {
    commissionerAssignments(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          lastVisitOn
          visitOverdue
          enterprise {
            id
            name
            town
          }
        }
      }
    }
  }
`);

export const visitsQuery = graphql(`
  query CommissionerVisits($first: Int, $after: String, $filter: VisitFilter) {
    visits(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          visitedOn
          met
          findings
          enterprise {
            id
            name
          }
          problems {
            id
            title
            status
            category
          }
        }
      }
    }
  }
`);

export const logVisitMutation = graphql(`
  mutation LogVisit($input: LogVisitInput!) {
    logVisit(input: $input) {
      visit {
        id
        visitedOn
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const raiseProblemMutation = graphql(`
  mutation RaiseProblemFromVisit($input: ReportProblemInput!) {
    reportProblem(input: $input) {
      problem {
        id
        title
        status
        category
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const deskCoverageQuery = graphql(`
  query DeskCoverage {
    deskCoverage {
      overdueDays
      visitedSince
      keyEnterprises
      overdueEnterprises
      byTown {
        town
        keyEnterprises
        overdue
        smallEnterprises
        smallWithoutContact
      }
    }
  }
`);

export const smallWithoutContactQuery = graphql(`
  query SmallWithoutContact($town: String, $first: Int, $after: String) {
    deskCoverage {
      smallWithoutContact(town: $town, first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          cursor
          node {
            id
            name
            creditCode
            size
          }
        }
      }
    }
  }
`);

/** Key enterprises (current assignments) for the console: overdue ones, a town's, a commissioner's. */
export const assignmentsQuery = graphql(`
  query ConsoleCommissionerAssignments($first: Int, $after: String, $filter: CommissionerAssignmentFilter) {
    commissionerAssignments(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          lastVisitOn
          visitOverdue
          startedAt
          endedAt
          enterprise {
            id
            name
            town
          }
          commissioner {
            id
            name
          }
        }
      }
    }
  }
`);

export const deskPeopleQuery = graphql(`
  query DeskPeople($first: Int, $after: String, $filter: DeskPeopleFilter!) {
    deskPeople(first: $first, after: $after, filter: $filter) {
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
          commissionerCoverage {
            enterprises
            overdue
            lastVisitOn
          }
        }
      }
    }
  }
`);

export const assignCommissionerMutation = graphql(`
  mutation AssignCommissioner($input: AssignCommissionerInput!) {
    assignCommissioner(input: $input) {
      assignments {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const unassignCommissionerMutation = graphql(`
  mutation UnassignCommissioner($input: UnassignCommissionerInput!) {
    unassignCommissioner(input: $input) {
      assignments {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const consoleDepartmentsQuery = graphql(`
  query ConsoleDepartments {
    departments {
      id
      name
      leader {
        id
        name
      }
      handlers {
        id
        name
        phone
      }
    }
  }
`);

export const addDepartmentHandlerMutation = graphql(`
  mutation AddDepartmentHandler($input: AddDepartmentHandlerInput!) {
    addDepartmentHandler(input: $input) {
      department {
        id
        handlers {
          id
          name
          phone
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const removeDepartmentHandlerMutation = graphql(`
  mutation RemoveDepartmentHandler($input: RemoveDepartmentHandlerInput!) {
    removeDepartmentHandler(input: $input) {
      department {
        id
        handlers {
          id
          name
          phone
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const setDepartmentLeaderMutation = graphql(`
  mutation SetDepartmentLeader($input: SetDepartmentLeaderInput!) {
    setDepartmentLeader(input: $input) {
      department {
        id
        leader {
          id
          name
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
