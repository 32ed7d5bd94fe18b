import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ConnectionArgs, Connection } from "../../graphql/connection";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { Notification } from "./notification.entity";
import { NotificationChannelSetting } from "./notification-channel-setting.entity";
import { NotificationDelivery } from "./notification-delivery.entity";

@ArgsType()
export class NotificationListArgs extends ConnectionArgs {
  @Field({ nullable: true, description: "Only notifications not read yet" })
  unreadOnly?: boolean;
}

@ObjectType()
export class NotificationConnection extends Connection(Notification) {}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: "These notifications of the signed-in user" })
  ids?: string[];
  @Field({ nullable: true, description: "Every unread notification of the signed-in user" })
  all?: boolean;
}
@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int, { nullable: true, description: "How many were unread and are read now" })
  markedCount?: number;
  @Field(() => Int, { nullable: true, description: "Unread notifications left" })
  unreadCount?: number;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class SetNotificationChannelsInput {
  @Field({ description: "E-mail each notification to emailAddress" }) email: boolean;
  @Field({ description: "Text each notification to the account's phone" }) sms: boolean;
  @Field(() => String, { nullable: true, description: "Kept when omitted" }) @MaxLen(254) emailAddress?: string | null;
}
@ObjectType()
export class SetNotificationChannelsPayload {
  @Field(() => NotificationChannelSetting, { nullable: true }) channels?: NotificationChannelSetting;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class NotificationDeliveryConnection extends Connection(NotificationDelivery) {}
