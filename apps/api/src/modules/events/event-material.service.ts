import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { checkUrl } from "./event.service";
import { Event } from "./event.entity";
import { EventMaterial } from "./event-material.entity";
import type { MaterialKind } from "./event.enums";

export interface MaterialFields {
  kind?: MaterialKind;
  title?: string;
  url?: string;
  isPublic?: boolean;
}

function checkMaterial(input: MaterialFields, creating: boolean): Partial<EventMaterial> {
  const check = new InputCheck();
  const values: Partial<EventMaterial> = {};
  if (input.kind) values.kind = input.kind;
  if (input.title !== undefined || creating) values.title = check.requiredText(input.title, "title", 200);
  if (input.url !== undefined || creating) values.url = checkUrl(check, input.url, "url", true) ?? undefined;
  if (input.isPublic !== undefined && input.isPublic !== null) values.isPublic = input.isPublic;
  check.done();
  return values;
}

export async function addEventMaterial(
  ctx: RequestContext,
  eventId: number | null,
  input: MaterialFields,
): Promise<EventMaterial> {
  ctx.requireRole("STAFF");
  const values = checkMaterial(input, true);
  return ctx.transaction(async (tx) => {
    const event = eventId ? await tx.em.findOneBy(Event, { id: eventId }) : null;
    if (!event) return fail("NOT_FOUND", "eventId");
    const last = await tx.em
      .createQueryBuilder(EventMaterial, "m")
      .select("MAX(m.position)", "max")
      .where("m.event_id = :id", { id: event.id })
      .getRawOne<{ max: number | null }>();
    const material = tx.em.create(EventMaterial, {
      kind: "LINK",
      isPublic: false,
      ...values,
      eventId: event.id,
      position: Number(last?.max ?? 0) + 1,
    });
    await tx.em.save(material);
    await audit(tx, "eventMaterial.add", subjectOf(material), { eventId: event.id, public: material.isPublic });
    return material;
  });
}

export async function updateEventMaterial(
  ctx: RequestContext,
  materialId: number | null,
  input: MaterialFields,
): Promise<EventMaterial> {
  ctx.requireRole("STAFF");
  const values = checkMaterial(input, false);
  return ctx.transaction(async (tx) => {
    const material = materialId ? await tx.em.findOneBy(EventMaterial, { id: materialId }) : null;
    if (!material) return fail("NOT_FOUND", "materialId");
    Object.assign(material, values);
    await tx.em.save(material);
    await audit(tx, "eventMaterial.update", subjectOf(material), { changed: Object.keys(values) });
    return material;
  });
}

/** Answers the event the material belonged to. */
export async function deleteEventMaterial(ctx: RequestContext, materialId: number | null): Promise<number> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const material = materialId ? await tx.em.findOneBy(EventMaterial, { id: materialId }) : null;
    if (!material) return fail("NOT_FOUND", "materialId");
    await tx.em.delete(EventMaterial, { id: material.id });
    await audit(tx, "eventMaterial.delete", subjectOf(material), { eventId: material.eventId, title: material.title });
    return material.eventId;
  });
}
