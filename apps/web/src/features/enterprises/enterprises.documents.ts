import { graphql } from "../../gql";

export const enterpriseOptionsQuery = graphql(`
  query EnterpriseOptions($search: String) {
    enterprises(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          town
        }
      }
    }
  }
`);

export const enterpriseFieldsFragment = graphql(`
  fragment EnterpriseFields on Enterprise {
    id
    name
    creditCode
    industry
    town
    size
    foundedYear
    listed
    stockCode
    honors {
      id
      kind
      level
      year
      certificateNumber
      validUntil
    }
    socialResponsibilityRecords {
      id
      programme
      year
      amountYuan
      description
    }
  }
`);

export const enterprisesQuery = graphql(`
  query Enterprises($first: Int, $after: String, $filter: EnterpriseFilter) {
    enterprises(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...EnterpriseFields
        }
      }
    }
  }
`);

export const createEnterpriseMutation = graphql(`
  mutation CreateEnterprise($input: CreateEnterpriseInput!) {
    createEnterprise(input: $input) {
      enterprise {
        ...EnterpriseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateEnterpriseMutation = graphql(`
  mutation UpdateEnterprise($input: UpdateEnterpriseInput!) {
    updateEnterprise(input: $input) {
      enterprise {
        ...EnterpriseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const addHonorMutation = graphql(`
  mutation AddEnterpriseHonor($input: AddEnterpriseHonorInput!) {
    addEnterpriseHonor(input: $input) {
      enterprise {
        ...EnterpriseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const removeHonorMutation = graphql(`
  mutation RemoveEnterpriseHonor($input: RemoveEnterpriseHonorInput!) {
    removeEnterpriseHonor(input: $input) {
      enterprise {
        ...EnterpriseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const addRecordMutation = graphql(`
  mutation AddSocialResponsibilityRecord($input: AddSocialResponsibilityRecordInput!) {
    addSocialResponsibilityRecord(input: $input) {
      enterprise {
        ...EnterpriseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const removeRecordMutation = graphql(`
  mutation RemoveSocialResponsibilityRecord($input: RemoveSocialResponsibilityRecordInput!) {
    removeSocialResponsibilityRecord(input: $input) {
      enterprise {
        ...EnterpriseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
