import { graphql } from "../../gql";

export const courseFieldsFragment = graphql(`
  fragment CourseFields on Course {
    id
    title
    category
    summary
    organizers
    createdAt
  }
`);

export const consoleCoursesQuery = graphql(`
  query ConsoleCourses($first: Int, $after: String) {
    courses(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...CourseFields
          cohorts {
            id
            status
          }
        }
      }
    }
  }
`);

/** Every course, for the cohort form's course choice. */
export const courseOptionsQuery = graphql(`
  query CourseOptions {
    courses(first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const createCourseMutation = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      course {
        ...CourseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateCourseMutation = graphql(`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      course {
        ...CourseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const cohortFieldsFragment = graphql(`
  fragment CohortFields on Cohort {
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
    enrollmentOpensAt
    enrollmentClosesAt
    completionThreshold
    course {
      id
      title
    }
  }
`);

export const consoleCohortsQuery = graphql(`
  query ConsoleCohorts($first: Int, $after: String, $filter: CohortFilter) {
    cohorts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...CohortFields
        }
      }
    }
  }
`);

export const sessionFieldsFragment = graphql(`
  fragment SessionFields on ClassSession {
    id
    topic
    lecturer
    startsAt
    endsAt
    venue
  }
`);

export const consoleCohortQuery = graphql(`
  query ConsoleCohort($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Cohort {
        ...CohortFields
        sessions {
          ...SessionFields
        }
        pending: enrollments(first: 1, status: PENDING) {
          totalCount
        }
      }
    }
  }
`);

export const cohortEnrollmentsQuery = graphql(`
  query CohortEnrollments($id: ID!, $status: EnrollmentStatus, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Cohort {
        enrollments(first: $first, after: $after, status: $status) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            cursor
            node {
              ...EnrollmentRow
            }
          }
        }
      }
    }
  }
`);

export const enrollmentRowFragment = graphql(`
  fragment EnrollmentRow on Enrollment {
    id
    status
    outcome
    waitlistPosition
    reason
    createdAt
    decidedAt
    attendanceRate
    trainee {
      id
      name
      phone
      position
      enterprise {
        id
        name
      }
    }
  }
`);

export const feedbackSummaryQuery = graphql(`
  query CohortFeedback($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Cohort {
        feedbackSummary {
          count
          averageRating
          latest {
            id
            rating
            comment
            createdAt
          }
        }
      }
    }
  }
`);

export const createCohortMutation = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      cohort {
        ...CohortFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateCohortMutation = graphql(`
  mutation UpdateCohort($input: UpdateCohortInput!) {
    updateCohort(input: $input) {
      cohort {
        ...CohortFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const changeCohortStatusMutation = graphql(`
  mutation ChangeCohortStatus($input: ChangeCohortStatusInput!) {
    changeCohortStatus(input: $input) {
      cohort {
        ...CohortFields
      }
      completion {
        completed
        notCompleted
        released
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const createSessionMutation = graphql(`
  mutation CreateClassSession($input: CreateClassSessionInput!) {
    createClassSession(input: $input) {
      session {
        ...SessionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateSessionMutation = graphql(`
  mutation UpdateClassSession($input: UpdateClassSessionInput!) {
    updateClassSession(input: $input) {
      session {
        ...SessionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deleteSessionMutation = graphql(`
  mutation DeleteClassSession($input: DeleteClassSessionInput!) {
    deleteClassSession(input: $input) {
      cohort {
        id
        sessions {
          ...SessionFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const reviewEnrollmentMutation = graphql(`
  mutation ReviewEnrollment($input: ReviewEnrollmentInput!) {
    reviewEnrollment(input: $input) {
      enrollment {
        ...EnrollmentRow
        cohort {
          id
          seatsTaken
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const reviewEnrollmentsMutation = graphql(`
  mutation ReviewEnrollments($input: ReviewEnrollmentsInput!) {
    reviewEnrollments(input: $input) {
      enrollments {
        ...EnrollmentRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const staffCancelEnrollmentMutation = graphql(`
  mutation StaffCancelEnrollment($input: CancelEnrollmentInput!) {
    cancelEnrollment(input: $input) {
      enrollment {
        ...EnrollmentRow
        cohort {
          id
          seatsTaken
          waitlistLength
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const attendanceRosterQuery = graphql(`
  query AttendanceRoster($id: ID!, $status: EnrollmentStatus, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on ClassSession {
        cohort {
          id
          enrollments(first: $first, after: $after, status: $status) {
            totalCount
            pageInfo {
              ...PageInfoFields
            }
            edges {
              cursor
              node {
                id
                status
                trainee {
                  id
                  name
                  phone
                  enterprise {
                    id
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** A session with its marks so far: the roster page's heading and checkboxes. */
export const sessionHeaderQuery = graphql(`
  query SessionHeader($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ClassSession {
        ...SessionFields
        attendances {
          id
          enrollmentId
          present
          status
          method
          recordedAt
        }
        cohort {
          id
          title
          status
        }
      }
    }
  }
`);

export const markAttendanceMutation = graphql(`
  mutation MarkAttendance($input: MarkAttendanceInput!) {
    markAttendance(input: $input) {
      session {
        id
        attendances {
          id
          enrollmentId
          present
          status
          method
          recordedAt
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const checkInScreenQuery = graphql(`
  query CheckInScreen($sessionId: ID!) {
    sessionCheckInCode(sessionId: $sessionId) {
      code
      expiresAt
    }
    node(id: $sessionId) {
      __typename
      id
      ... on ClassSession {
        ...SessionFields
        attendances {
          id
          present
        }
        cohort {
          id
          title
          seatsTaken
        }
      }
    }
  }
`);

export const completionPreviewQuery = graphql(`
  query CompletionPreview($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Cohort {
        completionPreview {
          threshold
          sessions
          waiting
          candidates {
            attended
            leave
            rate
            qualifies
            enrollment {
              id
              trainee {
                id
                name
                enterprise {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);
