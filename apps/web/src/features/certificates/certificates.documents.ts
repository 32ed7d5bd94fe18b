import { graphql } from "../../gql";

export const verifyCertificateQuery = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      serial
      status
      holderName
      title
      courseTitle
      cohortNumber
      startsOn
      endsOn
      issuer
      issuedAt
      revokedAt
      revokeReason
    }
  }
`);

export const certificateRowFragment = graphql(`
  fragment CertificateRow on Certificate {
    id
    serial
    holderName
    title
    issuedAt
    status
    revokedAt
    revokeReason
    verificationCode
  }
`);

export const certificatesQuery = graphql(`
  query Certificates($first: Int, $after: String, $filter: CertificateFilter) {
    certificates(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...CertificateRow
        }
      }
    }
  }
`);

export const reissueCertificateMutation = graphql(`
  mutation ReissueCertificate($input: ReissueCertificateInput!) {
    reissueCertificate(input: $input) {
      certificate {
        ...CertificateRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const revokeCertificateMutation = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) {
      certificate {
        ...CertificateRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
