import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { Locale } from "@zuofu/shared";

/** Where a user wants notifications besides the in-app list, which everyone always gets. */
@ObjectType("NotificationChannels", { description: "Delivery channels besides the in-app list" })
@Entity()
export class NotificationChannelSetting {
  @PrimaryColumn()
  userId: number;

  @Field({ description: "E-mail to emailAddress" })
  @Column({ default: false })
  email: boolean;

  @Field({ description: "SMS to the phone number the account signs in with" })
  @Column({ default: false })
  sms: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 254, nullable: true })
  emailAddress: string | null;

  /** The language the user read in when choosing; deliveries are written in it. */
  @Column({ type: "varchar", length: 8, default: "zh-CN" })
  locale: Locale;

  @UpdateDateColumn()
  updatedAt: Date;
}
