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
