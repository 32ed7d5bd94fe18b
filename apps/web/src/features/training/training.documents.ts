import { graphql } from "../../gql";

/** What a schedule card shows of a cohort. */
export const cohortCardFragment = graphql(`
  fragment CohortCard on Cohort {
    id
    number
    title
    startsOn
    endsOn
    venue
    capacity
    seatsTaken
    waitlistLength
    status
    admission
    openForEnrollment
    enrollmentClosesAt
    course {
      id
      title
    }
  }
`);

/** The signed-in trainee's place in a cohort, as the cohort page and "my cohorts" show it. */
export const myEnrollmentFragment = graphql(`
  fragment MyEnrollment on Enrollment {
    id
    status
    outcome
    waitlistPosition
    reason
  }
`);

export const coursesQuery = graphql(`
  query Courses($first: Int, $after: String) {
    courses(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          title
          category
          summary
          organizers
          cohorts {
            id
            number
            startsOn
            endsOn
            status
            openForEnrollment
          }
        }
      }
    }
  }
`);

export const cohortsQuery = graphql(`
  query Cohorts($first: Int, $after: String, $filter: CohortFilter) {
    cohorts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...CohortCard
        }
      }
    }
  }
`);

export const cohortQuery = graphql(`
  query Cohort($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Cohort {
        ...CohortCard
        enrollmentOpensAt
        completionThreshold
        course {
          id
          title
          category
          summary
          organizers
        }
        sessions {
          id
          topic
          lecturer
          startsAt
          endsAt
          venue
        }
        myEnrollment {
          ...MyEnrollment
        }
      }
    }
  }
`);

// The cohort comes back with its new counts and the trainee's enrollment, so the page updates from the cache.
export const enrollMutation = graphql(`
  mutation Enroll($input: EnrollInput!) {
    enroll(input: $input) {
      enrollment {
        ...MyEnrollment
        cohort {
          id
          seatsTaken
          waitlistLength
          myEnrollment {
            ...MyEnrollment
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const cancelEnrollmentMutation = graphql(`
  mutation CancelEnrollment($input: CancelEnrollmentInput!) {
    cancelEnrollment(input: $input) {
      enrollment {
        ...MyEnrollment
        cohort {
          id
          seatsTaken
          waitlistLength
          myEnrollment {
            ...MyEnrollment
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const myCohortsQuery = graphql(`
  query MyCohorts {
    me {
      id
      trainee {
        id
        enrollments(first: 100) {
          totalCount
          edges {
            node {
              ...MyEnrollment
              attendanceRate
              createdAt
              cohort {
                id
                number
                title
                startsOn
                endsOn
                venue
                status
                completionThreshold
                course {
                  id
                  title
                }
                sessions {
                  id
                  topic
                  startsAt
                  endsAt
                  venue
                }
              }
              attendances {
                id
                present
                status
                method
                session {
                  id
                }
              }
              certificate {
                id
                serial
              }
            }
          }
        }
        certificates {
          id
          serial
          title
          issuedAt
          revokedAt
          revokeReason
          verificationCode
          pdfUrl
        }
      }
    }
  }
`);

export const checkInMutation = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      attendance {
        id
        present
        recordedAt
        session {
          id
          topic
          startsAt
          endsAt
          cohort {
            id
            title
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const submitFeedbackMutation = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      feedback {
        id
        rating
        comment
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Asked at the moment of download: the signed link is valid for ten minutes only. */
export const certificatePdfQuery = graphql(`
  query CertificatePdf($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Certificate {
        pdfUrl
      }
    }
  }
`);
