import { graphql } from "../../gql";

export const auditEntriesQuery = graphql(`
  query AuditEntries($first: Int, $after: String, $filter: AuditEntryFilter) {
    auditEntries(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...AuditEntryFields
        }
      }
    }
  }
`);

export const auditEntryFieldsFragment = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    action
    actorLabel
    actor {
      id
      name
    }
    subjectType
    subjectId
    details
    requestId
    createdAt
  }
`);

export const auditActorOptionsQuery = graphql(`
  query AuditActorOptions($search: String) {
    users(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          phone
        }
      }
    }
  }
`);
