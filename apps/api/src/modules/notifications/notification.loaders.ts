import { byIdLoader } from "../../graphql/context";
import { Notification } from "./notification.entity";

export const notificationById = byIdLoader("notificationById", Notification);
