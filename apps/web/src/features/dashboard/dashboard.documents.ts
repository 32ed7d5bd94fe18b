import { graphql } from "../../gql";

/** The console's first page: the figures, the cohorts with work waiting, today's class days. */
export const dashboardQuery = graphql(`
  query Dashboard {
    statistics {
      cohorts
      traineeAttendances
      uniqueTrainees
    }
    open: cohorts(first: 20, filter: { status: OPEN }) {
      edges {
        node {
          id
          title
          startsOn
          admission
          capacity
          seatsTaken
          waitlistLength
          pending: enrollments(first: 1, status: PENDING) {
            totalCount
          }
        }
      }
    }
    running: cohorts(first: 20, filter: { status: IN_PROGRESS }) {
      edges {
        node {
          id
          title
          seatsTaken
          sessions {
            id
            topic
            startsAt
            endsAt
            venue
          }
        }
      }
    }
  }
`);
