import { graphql } from "../../gql";

/** The bell's number: light enough to poll. */
export const unreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const myNotificationsQuery = graphql(`
  query MyNotifications($first: Int, $unreadOnly: Boolean) {
    myNotifications(first: $first, unreadOnly: $unreadOnly) {
      totalCount
      edges {
        node {
          id
          kind
          message
          createdAt
          readAt
        }
      }
    }
  }
`);

export const markNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      markedCount
      unreadCount
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const myNotificationChannelsQuery = graphql(`
  query MyNotificationChannels {
    myNotificationChannels {
      email
      emailAddress
      sms
    }
  }
`);

export const setNotificationChannelsMutation = graphql(`
  mutation SetNotificationChannels($input: SetNotificationChannelsInput!) {
    setNotificationChannels(input: $input) {
      channels {
        email
        emailAddress
        sms
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deliveryFailuresQuery = graphql(`
  query DeliveryFailures($first: Int, $after: String) {
    deliveryFailures(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...DeliveryFailureFields
        }
      }
    }
  }
`);

export const deliveryFailureFieldsFragment = graphql(`
  fragment DeliveryFailureFields on NotificationDelivery {
    id
    channel
    status
    attempts
    lastError
    createdAt
    recipient {
      id
      name
      phone
    }
    notification {
      id
      kind
      message
    }
  }
`);
