import { graphql } from "../../gql";

/** The public figures of the home page; each count covers what has happened so far. */
export const statisticsQuery = graphql(`
  query Statistics {
    statistics {
      cohorts
      traineeAttendances
      uniqueTrainees
      salons
      lectures
      commendations
      partnerChambers
      byYear {
        year
        cohorts
        traineeAttendances
      }
    }
  }
`);
