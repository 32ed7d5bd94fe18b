import { graphql } from "../../gql";

export const eventCardFragment = graphql(`
  fragment EventCard on Event {
    id
    kind
    number
    title
    startsAt
    endsAt
    venue
    onlineUrl
    status
    capacity
    seatsTaken
    seatsLeft
    waitlistLength
    openForRegistration
    cancelReason
  }
`);

/** The signed-in trainee's registration, with the ticket to show at the door. */
export const myRegistrationFragment = graphql(`
  fragment MyRegistration on EventRegistration {
    id
    status
    waitlistPosition
    ticketCode
    checkedInAt
    reason
  }
`);

export const eventsQuery = graphql(`
  query Events($first: Int, $after: String, $filter: EventFilter, $order: EventOrder!) {
    events(first: $first, after: $after, filter: $filter, order: $order) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...EventCard
        }
      }
    }
  }
`);

export const eventQuery = graphql(`
  query Event($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Event {
        ...EventCard
        summary
        registrationOpensAt
        registrationClosesAt
        surveyOpen
        speakers {
          id
          role
          position
          speaker {
            id
            name
            title
            organization
            bio
          }
        }
        materials {
          id
          kind
          title
          url
          isPublic
        }
        myRegistration {
          ...MyRegistration
          surveyResponse {
            id
            rating
          }
        }
      }
    }
  }
`);

// The event comes back with its counts and the trainee's registration: the page updates from the cache.
export const registerForEventMutation = graphql(`
  mutation RegisterForEvent($input: RegisterForEventInput!) {
    registerForEvent(input: $input) {
      registration {
        ...MyRegistration
        event {
          id
          seatsTaken
          seatsLeft
          waitlistLength
          myRegistration {
            ...MyRegistration
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const cancelEventRegistrationMutation = graphql(`
  mutation CancelEventRegistration($input: CancelEventRegistrationInput!) {
    cancelEventRegistration(input: $input) {
      registration {
        ...MyRegistration
        event {
          id
          seatsTaken
          seatsLeft
          waitlistLength
          myRegistration {
            ...MyRegistration
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const myEventsQuery = graphql(`
  query MyEvents {
    me {
      id
      trainee {
        id
        eventRegistrations(first: 100) {
          totalCount
          edges {
            node {
              ...MyRegistration
              createdAt
              surveyResponse {
                id
                rating
              }
              event {
                ...EventCard
                surveyOpen
              }
            }
          }
        }
      }
    }
  }
`);

export const submitEventSurveyMutation = graphql(`
  mutation SubmitEventSurvey($input: SubmitEventSurveyInput!) {
    submitEventSurvey(input: $input) {
      response {
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

export const calendarFeedFields = graphql(`
  fragment CalendarFeedFields on CalendarFeed {
    id
    issuedAt
    reminderMinutes
    revokedAt
  }
`);

/** The trainee's personal calendar subscription (its URL is shown only when made). */
export const myCalendarFeedQuery = graphql(`
  query MyCalendarFeed {
    me {
      id
      trainee {
        id
        calendarFeed {
          ...CalendarFeedFields
        }
      }
    }
  }
`);

export const createCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed($input: CreateCalendarFeedInput!) {
    createCalendarFeed(input: $input) {
      path
      feed {
        ...CalendarFeedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const revokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed($input: RevokeCalendarFeedInput!) {
    revokeCalendarFeed(input: $input) {
      feed {
        ...CalendarFeedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
