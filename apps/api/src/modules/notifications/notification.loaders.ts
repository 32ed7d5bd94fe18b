import { byIdLoader } from "../../loading/loader";
import { Notification } from "./notification.entity";

export const notificationById = byIdLoader("notificationById", Notification);
