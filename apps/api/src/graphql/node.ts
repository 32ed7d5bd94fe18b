import { Field, ID, InterfaceType } from "type-graphql";
import { PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "./ids";

/**
 * Every entity that clients can fetch by ID extends Node. The GraphQL type name is the class name
 * (one name per concept), so the global ID and `node(id)` need no table of their own.
 */
@InterfaceType("Node", {
  resolveType: (value) => (value as object).constructor.name,
  description: "An object with an opaque global ID",
})
export abstract class Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id", description: "Opaque global ID" })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
