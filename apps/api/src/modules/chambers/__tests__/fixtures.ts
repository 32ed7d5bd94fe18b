import type { TestApp, TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { Course } from "../../training/course.entity";
import { Cohort } from "../../training/cohort.entity";
import { Enrollment } from "../../training/enrollment.entity";
import { Certificate } from "../../training/certificate.entity";

export const CREATE_CHAMBER = `mutation($i: CreateChamberInput!) { createChamber(input: $i) { chamber { id name regionKind city partnerSince contact memberCount } userErrors { code field message } } }`;
export const ADD_MEMBERS = `mutation($i: AddChamberMembersInput!) { addChamberMembers(input: $i) { chamber { id memberCount } userErrors { code field message } } }`;
export const REMOVE_MEMBERS = `mutation($i: RemoveChamberMembersInput!) { removeChamberMembers(input: $i) { chamber { id memberCount } userErrors { code field message } } }`;
export const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id prefix scopes status expiresAt hourlyBudget label } userErrors { code field message } } }`;

let seq = 0;

/** Enterprises written straight to the table; their credit codes only need to be unique here. */
export async function enterprises(t: TestApp, count: number, name = "企业"): Promise<Enterprise[]> {
  const rows = Array.from({ length: count }, () => {
    seq += 1;
    return { name: `${name}${seq}`, creditCode: `T${String(seq).padStart(17, "0")}`, listed: false };
  });
  return t.ds.getRepository(Enterprise).save(rows);
}

export async function createChamber(t: TestApp, admin: TestUser, name: string, memberIds: number[] = []) {
  const created = await t.ok(
    CREATE_CHAMBER,
    { i: { name, regionKind: "DOMESTIC", city: "重庆", partnerSince: "2020-05-01" } },
    { token: admin.token },
  );
  expect(created.createChamber.userErrors).toEqual([]);
  const id: string = created.createChamber.chamber.id;
  if (memberIds.length) {
    const added = await t.ok(
      ADD_MEMBERS,
      { i: { chamberId: id, enterpriseIds: memberIds.map((m) => toGlobalId("Enterprise", m)) } },
      { token: admin.token },
    );
    expect(added.addChamberMembers.userErrors).toEqual([]);
  }
  return id;
}

export async function createKey(
  t: TestApp,
  admin: TestUser,
  chamberId: string,
  scopes: string[],
  extra: Record<string, unknown> = {},
): Promise<{ secret: string; id: string; prefix: string }> {
  const res = await t.ok(CREATE_KEY, { i: { chamberId, scopes, ...extra } }, { token: admin.token });
  expect(res.createApiKey.userErrors).toEqual([]);
  return { secret: res.createApiKey.secret, id: res.createApiKey.apiKey.id, prefix: res.createApiKey.apiKey.prefix };
}

/**
 * A trainee of an enterprise with an ID card and phone, one completed enrollment in a cohort and its
 * certificate: a full training record to read through a partner's key.
 */
export async function traineeWithRecord(t: TestApp, enterpriseId: number, name: string) {
  seq += 1;
  const idCard = `5001011990010${String(seq % 1000).padStart(3, "0")}1X`.slice(0, 18);
  const cipher = t.app.services.cipher;
  const trainee = await t.ds.getRepository(Trainee).save({
    name,
    phone: `1370000${String(seq).padStart(4, "0")}`,
    enterpriseId,
    idCardEncrypted: cipher.encrypt(idCard),
    idCardHash: cipher.lookupHash(idCard),
    idCardMasked: `${idCard.slice(0, 6)}********${idCard.slice(-4)}`,
  });
  const course = await t.ds.getRepository(Course).save({ title: `课程${seq}`, organizers: ["学院"] });
  const cohort = await t.ds.getRepository(Cohort).save({
    courseId: course.id,
    number: 1,
    title: "春季班",
    startsOn: "2024-03-01",
    endsOn: "2024-03-05",
    capacity: 10,
    seatsTaken: 1,
    admission: "AUTO",
    status: "COMPLETED",
  });
  const enrollment = await t.ds.getRepository(Enrollment).save({
    cohortId: cohort.id,
    traineeId: trainee.id,
    status: "COMPLETED",
    activeSlot: `${cohort.id}:${trainee.id}`,
  });
  const certificate = await t.ds.getRepository(Certificate).save({
    enrollmentId: enrollment.id,
    traineeId: trainee.id,
    serial: `ZF2024-${String(seq).padStart(3, "0")}-0001`,
    verificationCode: `CODE${String(seq).padStart(12, "0")}`,
    holderName: name,
    title: `${course.title} 第1期 结业证书`,
    issuer: "中国（卢作孚）民营经济学院",
    issuedAt: new Date("2024-03-05T10:00:00Z"),
  });
  return {
    trainee: toGlobalId("Trainee", trainee.id),
    enrollment: toGlobalId("Enrollment", enrollment.id),
    certificate: toGlobalId("Certificate", certificate.id),
    idCard,
    phone: trainee.phone!,
  };
}

export const bearer = (secret: string) => ({ token: secret });
