import { graphql } from "../../gql";

export const eventFieldsFragment = graphql(`
  fragment EventFields on Event {
    id
    kind
    number
    title
    summary
    startsAt
    endsAt
    venue
    onlineUrl
    status
    cancelReason
    capacity
    seatsTaken
    seatsLeft
    waitlistLength
    registrationOpensAt
    registrationClosesAt
    openForRegistration
  }
`);

export const consoleEventsQuery = graphql(`
  query ConsoleEvents($first: Int, $after: String, $filter: EventFilter) {
    events(first: $first, after: $after, filter: $filter, order: LATEST_FIRST) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...EventFields
        }
      }
    }
  }
`);

export const consoleEventQuery = graphql(`
  query ConsoleEvent($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Event {
        ...EventFields
        speakers {
          id
          role
          position
          speaker {
            id
            name
            title
            organization
          }
        }
        materials {
          id
          kind
          title
          url
          isPublic
        }
        surveySummary {
          count
          averageRating
          ratingCounts
        }
      }
    }
  }
`);

export const eventRegistrationsQuery = graphql(`
  query EventRegistrations($id: ID!, $status: RegistrationStatus, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Event {
        registrations(first: $first, after: $after, status: $status) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            cursor
            node {
              ...RegistrationRow
            }
          }
        }
      }
    }
  }
`);

export const registrationRowFragment = graphql(`
  fragment RegistrationRow on EventRegistration {
    id
    status
    waitlistPosition
    createdAt
    checkedInAt
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
`);

export const createEventMutation = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      event {
        ...EventFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateEventMutation = graphql(`
  mutation UpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      event {
        ...EventFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const changeEventStatusMutation = graphql(`
  mutation ChangeEventStatus($input: ChangeEventStatusInput!) {
    changeEventStatus(input: $input) {
      event {
        ...EventFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const checkInTicketMutation = graphql(`
  mutation CheckInTicket($input: CheckInTicketInput!) {
    checkInTicket(input: $input) {
      alreadyCheckedInAt
      registration {
        ...RegistrationRow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const speakerFieldsFragment = graphql(`
  fragment SpeakerFields on Speaker {
    id
    name
    title
    organization
    bio
    photoUrl
    enterprise {
      id
      name
    }
  }
`);

export const speakersQuery = graphql(`
  query Speakers($first: Int, $after: String, $search: String) {
    speakers(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...SpeakerFields
        }
      }
    }
  }
`);

export const createSpeakerMutation = graphql(`
  mutation CreateSpeaker($input: CreateSpeakerInput!) {
    createSpeaker(input: $input) {
      speaker {
        ...SpeakerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateSpeakerMutation = graphql(`
  mutation UpdateSpeaker($input: UpdateSpeakerInput!) {
    updateSpeaker(input: $input) {
      speaker {
        ...SpeakerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setEventSpeakersMutation = graphql(`
  mutation SetEventSpeakers($input: SetEventSpeakersInput!) {
    setEventSpeakers(input: $input) {
      event {
        id
        speakers {
          id
          role
          position
          speaker {
            id
            name
            title
            organization
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const addEventMaterialMutation = graphql(`
  mutation AddEventMaterial($input: AddEventMaterialInput!) {
    addEventMaterial(input: $input) {
      material {
        id
        kind
        title
        url
        isPublic
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deleteEventMaterialMutation = graphql(`
  mutation DeleteEventMaterial($input: DeleteEventMaterialInput!) {
    deleteEventMaterial(input: $input) {
      event {
        id
        materials {
          id
          kind
          title
          url
          isPublic
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
