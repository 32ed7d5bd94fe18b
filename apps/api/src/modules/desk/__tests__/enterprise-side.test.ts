import "reflect-metadata";
import { zipSync } from "fflate";
import { TestApp, type TestUser } from "../../../testing/harness";
import { fromGlobalId, toGlobalId } from "../../../graphql/ids";
import { creditCode } from "../../../demo/identifiers";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { User } from "../../accounts/user.entity";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { createChamber, createKey } from "../../chambers/__tests__/fixtures";
import { EnterpriseContactRequest } from "../contact-request.entity";
import { EnterpriseContact } from "../department.entity";
import { Problem } from "../problem.entity";
import { ProblemAttachment, ProblemAttachmentPart } from "../problem-attachment.entity";
import { sniffAttachment } from "../problem-attachment.service";
import { ANSWER, RATE, REPORT, assignedProblem, deskWorld, must, refused, type DeskWorld } from "./fixtures";

const local = (id: string) => fromGlobalId(id)!.id;

const REQUEST = `mutation($i: RequestEnterpriseContactInput!) { requestEnterpriseContact(input: $i) { request { id status byPhoneCode enterprise { name } } userErrors { code field message } } }`;
const DECIDE = `mutation($i: DecideEnterpriseContactInput!) { decideEnterpriseContact(input: $i) { request { id status decisionNote } userErrors { code field message } } }`;
const REMOVE = `mutation($i: RemoveEnterpriseContactInput!) { removeEnterpriseContact(input: $i) { contact { id } userErrors { code field message } } }`;
const CODE = `mutation($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) { sentTo userErrors { code } } }`;
const REPORT_FILES = `mutation($i: ReportProblemInput!) { reportProblem(input: $i) { problem { id reporterKind attachments { id fileName contentType byteSize url } } userErrors { code field message } } }`;
const SUPPLEMENT = `mutation($i: SupplementProblemInput!) { supplementProblem(input: $i) { problem { id timeline { kind note attachments { fileName } } } userErrors { code field message } } }`;
const ATTACHMENTS = `query($id: ID!) { node(id: $id) { ... on Problem { id status reporterKind attachments { id fileName url } timeline { kind } } } }`;

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
const EXE = Buffer.from("MZ\x90\x00 a program", "latin1");
const file = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString("base64") });
const docx = (extra: Record<string, Uint8Array> = {}) =>
  Buffer.from(
    zipSync({
      "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
      "word/document.xml": new Uint8Array(8),
      ...extra,
    }),
  );

let codeSeq = 0;
/** An enterprise with a valid credit code and, if given, a phone on file. */
async function firmWithPhone(t: TestApp, phone: string | null) {
  codeSeq += 1;
  return t.ds.getRepository(Enterprise).save({
    name: `重庆绑定测试企业${codeSeq}`,
    creditCode: creditCode(700_000 + codeSeq * 101 + (Date.now() % 100), 2010),
    phone,
    listed: false,
  });
}

describe("the service desk, the enterprise's side", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  describe("becoming an enterprise's contact (绑定企业)", () => {
    it("is confirmed at once by a code sent to the enterprise's phone on file, and gives the role", async () => {
      const phone = t.nextPhone();
      const firm = await firmWithPhone(t, phone);
      const person = await t.user(["TRAINEE"], "新联络人");
      const sent = await t.ok(CODE, { i: { phone, purpose: "BIND_ENTERPRISE" } }, { token: person.token });
      expect(sent.requestPhoneCode.userErrors).toEqual([]);
      const code = t.lastCode(phone, "BIND_ENTERPRISE")!;
      expect(code).toMatch(/^\d{6}$/);
      // A wrong code: refused, nothing stored.
      const wrong = await t.ok(
        REQUEST,
        { i: { creditCode: firm.creditCode, phone, phoneCode: code === "000000" ? "000001" : "000000" } },
        { token: person.token },
      );
      expect(wrong.requestEnterpriseContact.userErrors[0].code).toBe("CODE_WRONG");
      expect(await t.count(EnterpriseContactRequest, { userId: person.userId })).toBe(0);
      const ok = await t.ok(
        REQUEST,
        { i: { creditCode: firm.creditCode.toLowerCase(), phone, phoneCode: code } },
        { token: person.token },
      );
      expect(ok.requestEnterpriseContact).toMatchObject({
        request: { status: "CONFIRMED", byPhoneCode: true, enterprise: { name: firm.name } },
        userErrors: [],
      });
      expect(await t.count(EnterpriseContact, { userId: person.userId, enterpriseId: firm.id })).toBe(1);
      const user = await t.ds.getRepository(User).findOneByOrFail({ id: person.userId });
      expect(user.roles).toEqual(["TRAINEE", "ENTERPRISE_CONTACT"]);
      expect(await t.count(AuditEntry, { action: "enterprise.contact.confirm" })).toBeGreaterThan(0);
      // Now a contact: reports for the enterprise; asking again is ALREADY_CONTACT.
      await must(t, person, REPORT, {
        enterpriseId: toGlobalId("Enterprise", firm.id),
        category: "POLICY",
        title: "政策咨询",
        description: "请解读高新技术企业认定政策。",
      });
      const again = await t.ok(REQUEST, { i: { creditCode: firm.creditCode } }, { token: person.token });
      expect(again.requestEnterpriseContact.userErrors[0].code).toBe("ALREADY_CONTACT");
    });

    it("a phone not on file gets no code; without a code the request waits for staff", async () => {
      const firm = await firmWithPhone(t, t.nextPhone());
      const person = await t.user(["TRAINEE"], "另一人");
      const other = t.nextPhone();
      const sent = await t.ok(CODE, { i: { phone: other, purpose: "BIND_ENTERPRISE" } }, { token: person.token });
      // The same answer as for a phone on file, but nothing reaches the phone.
      expect(sent.requestPhoneCode.userErrors).toEqual([]);
      expect(t.lastCode(other, "BIND_ENTERPRISE")).toBeNull();
      const res = await t.ok(REQUEST, { i: { creditCode: firm.creditCode } }, { token: person.token });
      expect(res.requestEnterpriseContact.request.status).toBe("PENDING");
      expect(await t.count(EnterpriseContact, { userId: person.userId })).toBe(0);
    });

    it("bad input: a malformed code, an unknown enterprise, a second request while one waits, anonymous", async () => {
      const person = await t.user(["TRAINEE"], "申请人");
      const bad = await t.ok(REQUEST, { i: { creditCode: "123" } }, { token: person.token });
      expect(bad.requestEnterpriseContact.userErrors[0]).toMatchObject({
        code: "INVALID_CREDIT_CODE",
        field: ["input", "creditCode"],
      });
      const unknown = await t.ok(REQUEST, { i: { creditCode: creditCode(999_999, 2010) } }, { token: person.token });
      expect(unknown.requestEnterpriseContact.userErrors[0].code).toBe("NOT_FOUND");
      const firm = await firmWithPhone(t, null);
      await t.ok(REQUEST, { i: { creditCode: firm.creditCode } }, { token: person.token });
      const twice = await t.ok(REQUEST, { i: { creditCode: firm.creditCode } }, { token: person.token });
      expect(twice.requestEnterpriseContact.userErrors[0].code).toBe("CONTACT_REQUEST_PENDING");
      expect(await t.count(EnterpriseContactRequest, { userId: person.userId })).toBe(1);
      const anonymous = await t.gql(REQUEST, { i: { creditCode: firm.creditCode } });
      expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("staff confirm or reject (with a reason) once; others may not; staff remove a contact and the role goes", async () => {
      const firm = await firmWithPhone(t, null);
      const a = await t.user(["TRAINEE"], "甲");
      const b = await t.user(["TRAINEE"], "乙");
      const requestOf = async (who: TestUser) =>
        (await t.ok(REQUEST, { i: { creditCode: firm.creditCode } }, { token: who.token })).requestEnterpriseContact
          .request.id as string;
      const ra = await requestOf(a);
      const rb = await requestOf(b);
      const byContact = await t.gql(DECIDE, { i: { requestId: ra, confirm: true } }, { token: w.contact.token });
      expect(byContact.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const noReason = await t.ok(DECIDE, { i: { requestId: rb, confirm: false } }, { token: w.staff.token });
      expect(noReason.decideEnterpriseContact.userErrors[0]).toMatchObject({
        code: "REQUIRED",
        field: ["input", "reason"],
      });
      const rejected = await t.ok(
        DECIDE,
        { i: { requestId: rb, confirm: false, reason: "非本企业人员" } },
        { token: w.staff.token },
      );
      expect(rejected.decideEnterpriseContact.request).toMatchObject({
        status: "REJECTED",
        decisionNote: "非本企业人员",
      });
      const confirmed = await t.ok(DECIDE, { i: { requestId: ra, confirm: true } }, { token: w.staff.token });
      expect(confirmed.decideEnterpriseContact.request.status).toBe("CONFIRMED");
      const twice = await t.ok(DECIDE, { i: { requestId: ra, confirm: false, reason: "x" } }, { token: w.staff.token });
      expect(twice.decideEnterpriseContact.userErrors[0].code).toBe("CLAIM_DECIDED");
      expect(await t.count(EnterpriseContact, { enterpriseId: firm.id })).toBe(1);
      expect((await t.ds.getRepository(User).findOneByOrFail({ id: a.userId })).roles).toContain("ENTERPRISE_CONTACT");
      const contact = await t.ds.getRepository(EnterpriseContact).findOneByOrFail({ userId: a.userId });
      const contactId = toGlobalId("EnterpriseContact", contact.id);
      const byOther = await t.gql(REMOVE, { i: { contactId } }, { token: a.token });
      expect(byOther.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const removed = await t.ok(REMOVE, { i: { contactId } }, { token: w.staff.token });
      expect(removed.removeEnterpriseContact.userErrors).toEqual([]);
      expect(await t.count(EnterpriseContact, { userId: a.userId })).toBe(0);
      expect((await t.ds.getRepository(User).findOneByOrFail({ id: a.userId })).roles).toEqual(["TRAINEE"]);
      const gone = await t.ok(REMOVE, { i: { contactId } }, { token: w.staff.token });
      expect(gone.removeEnterpriseContact.userErrors[0].code).toBe("NOT_FOUND");
      expect(await t.count(AuditEntry, { action: "enterprise.contact.remove" })).toBe(1);
      expect(await t.count(AuditEntry, { action: "enterprise.contact.reject" })).toBe(1);
    });
  });

  describe("attachments", () => {
    const report = (who: TestUser, attachments: unknown[]) =>
      t.ok(
        REPORT_FILES,
        {
          i: {
            enterpriseId: w.firmId,
            category: "LAND",
            title: "厂房扩建用地",
            description: "二期厂房扩建需新增用地。",
            attachments,
          },
        },
        { token: who.token },
      );

    it("reads the type from the bytes: images, PDF, Office; not programs, pages, plain archives or macros", () => {
      expect(sniffAttachment(PNG)?.contentType).toBe("image/png");
      expect(sniffAttachment(PDF)?.contentType).toBe("application/pdf");
      expect(sniffAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]))?.extension).toBe("jpg");
      expect(sniffAttachment(docx())?.extension).toBe("docx");
      expect(sniffAttachment(docx({ "word/vbaProject.bin": new Uint8Array(4) }))).toBeNull();
      expect(sniffAttachment(Buffer.from(zipSync({ "a.txt": new Uint8Array(3) })))).toBeNull();
      expect(sniffAttachment(EXE)).toBeNull();
      expect(sniffAttachment(Buffer.from("<svg onload=alert(1)></svg>"))).toBeNull();
      expect(sniffAttachment(Buffer.from("<html><script>alert(1)</script>"))).toBeNull();
    });

    it("stores files with the report, named by their type, and serves them to those who see the problem only", async () => {
      const res = await report(w.contact, [
        file("现场照片.jpeg.exe", PNG),
        file("说明", PDF),
        file("申请.docx", docx()),
      ]);
      expect(res.reportProblem.userErrors).toEqual([]);
      const [photo, pdf, word] = res.reportProblem.problem.attachments;
      expect(photo).toMatchObject({ fileName: "现场照片.jpeg.png", contentType: "image/png", byteSize: PNG.length });
      expect(pdf).toMatchObject({ fileName: "说明.pdf", contentType: "application/pdf" });
      expect(word.fileName).toBe("申请.docx");
      const download = await fetch(`${t.url}${photo.url}`);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("image/png");
      expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(download.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
      // An altered signature, or one attachment's signature on another: refused before the database is asked.
      expect((await fetch(`${t.url}${photo.url.replace(/sig=[^&]+/, `sig=${"A".repeat(43)}`)}`)).status).toBe(403);
      const otherId = pdf.url.split("?")[0].split("/").pop();
      expect((await fetch(`${t.url}/attachments/${otherId}?${photo.url.split("?")[1]}`)).status).toBe(403);
      // Another enterprise's contact sees neither the problem nor its files.
      const id = res.reportProblem.problem.id;
      expect((await t.ok(ATTACHMENTS, { id }, { token: w.otherContact.token })).node).toBeNull();
      // The desk reads the same files through links signed for itself; the enterprise's link is not theirs.
      const atDesk = (await t.ok(ATTACHMENTS, { id }, { token: w.staff.token })).node.attachments;
      expect(atDesk.map((a: { fileName: string }) => a.fileName)).toEqual([
        "现场照片.jpeg.png",
        "说明.pdf",
        "申请.docx",
      ]);
      expect(atDesk[0].url).not.toBe(photo.url);
      const staffDownload = await fetch(`${t.url}${atDesk[0].url}`);
      expect(staffDownload.status).toBe(200);
      expect(Buffer.from(await staffDownload.arrayBuffer()).equals(PNG)).toBe(true);
      // A link stops working once its holder no longer sees the problem.
      const row = await t.ds.getRepository(EnterpriseContact).findOneByOrFail({ userId: w.contact.userId });
      await t.ds.getRepository(EnterpriseContact).delete({ id: row.id });
      expect((await fetch(`${t.url}${photo.url}`)).status).toBe(404);
      await t.ds.getRepository(EnterpriseContact).insert({ userId: w.contact.userId, enterpriseId: row.enterpriseId });
    });

    it("refuses a file too large, of a forbidden type, unreadable, or one too many, and stores nothing", async () => {
      const counts = async () => ({
        problems: await t.count(Problem, {}),
        files: await t.count(ProblemAttachment, {}),
        parts: await t.count(ProblemAttachmentPart, {}),
        events: await t.count(AuditEntry, {}),
      });
      const before = await counts();
      const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
      const cases: [unknown[], string][] = [
        [[file("大文件.pdf", big)], "ATTACHMENT_TOO_LARGE"],
        [[file("a.png", PNG), file("setup.pdf", EXE)], "ATTACHMENT_TYPE_FORBIDDEN"],
        [[file("page.pdf", Buffer.from("<html></html>"))], "ATTACHMENT_TYPE_FORBIDDEN"],
        [[{ fileName: "x.png", contentBase64: "not base64!" }], "ATTACHMENT_UNREADABLE"],
        [Array.from({ length: 6 }, (_, i) => file(`${i}.png`, PNG)), "TOO_MANY_ATTACHMENTS"],
      ];
      for (const [attachments, code] of cases) {
        const res = await report(w.contact, attachments);
        expect(res.reportProblem.problem).toBeNull();
        expect(res.reportProblem.userErrors[0]).toMatchObject({ code, field: ["input", "attachments"] });
      }
      const forbidden = await report(w.contact, [file("setup.pdf", EXE)]);
      expect(forbidden.reportProblem.userErrors[0].message).toMatch(/附件“setup.pdf”的类型不允许/);
      const large = await report(w.contact, [file("大文件.pdf", big)]);
      expect(large.reportProblem.userErrors[0].message).toBe("附件“大文件.pdf”超过 2 MB");
      expect(await counts()).toEqual(before);
    });

    it("a file of 2 MB is stored in parts and comes back whole", async () => {
      const bytes = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024 - PDF.length, 7)]);
      const res = await report(w.contact, [file("大.pdf", bytes)]);
      expect(res.reportProblem.userErrors).toEqual([]);
      const [attachment] = res.reportProblem.problem.attachments;
      expect(await t.count(ProblemAttachmentPart, { attachmentId: local(attachment.id) })).toBe(35);
      const back = Buffer.from(await (await fetch(`${t.url}${attachment.url}`)).arrayBuffer());
      expect(back.equals(bytes)).toBe(true);
    });

    it("the enterprise adds notes and files later, within the count, until the problem is closed", async () => {
      const id = await assignedProblem(t, w);
      const added = await must(t, w.contact, SUPPLEMENT, {
        problemId: id,
        note: "补充银行函件",
        attachments: [file("函件.pdf", PDF)],
      });
      expect(added.timeline.at(-1)).toMatchObject({
        kind: "SUPPLEMENTED",
        note: "补充银行函件",
        attachments: [{ fileName: "函件.pdf" }],
      });
      expect(await refused(t, w.contact, SUPPLEMENT, { problemId: id })).toBe("REQUIRED");
      const five = Array.from({ length: 5 }, (_, i) => file(`${i}.png`, PNG));
      expect(await refused(t, w.contact, SUPPLEMENT, { problemId: id, attachments: five })).toBe(
        "TOO_MANY_ATTACHMENTS",
      );
      expect(await refused(t, w.commissioner, SUPPLEMENT, { problemId: id, note: "特使补充" })).toBe(
        "NOT_LINKED_ENTERPRISE",
      );
      expect(await refused(t, w.otherContact, SUPPLEMENT, { problemId: id, note: "他企" })).toBe("NOT_FOUND");
      await must(t, w.handler, ANSWER, { problemId: id, answer: "已协调。" });
      await must(t, w.contact, RATE, { problemId: id, rating: "SATISFIED" });
      expect(await refused(t, w.contact, SUPPLEMENT, { problemId: id, note: "再补充" })).toBe("PROBLEM_CLOSED");
      expect(await t.count(ProblemAttachment, { problemId: local(id) })).toBe(1);
    });
  });

  describe("partner chambers (PROBLEMS_WRITE)", () => {
    it("report for a member and read what they reported, nothing else; a key without the scope may not", async () => {
      const admin = await t.user(["ADMIN"], "管理员");
      const member = await firmWithPhone(t, null);
      const outsider = await firmWithPhone(t, null);
      const chamber = await createChamber(t, admin, `直通车商会${codeSeq}`, [member.id]);
      const otherChamber = await createChamber(t, admin, `另一商会${codeSeq}`, [member.id]);
      const key = await createKey(t, admin, chamber, ["PROBLEMS_WRITE"]);
      const otherKey = await createKey(t, admin, otherChamber, ["PROBLEMS_WRITE"]);
      const readOnly = await createKey(t, admin, chamber, ["MEMBERS_READ"]);
      const input = (enterpriseId: number) => ({
        enterpriseId: toGlobalId("Enterprise", enterpriseId),
        category: "FINANCING",
        title: "会员企业融资难",
        description: "商会代会员企业反映。",
        attachments: [file("说明.pdf", PDF)],
      });
      const done = await t.ok(REPORT_FILES, { i: input(member.id) }, { token: key.secret });
      expect(done.reportProblem.userErrors).toEqual([]);
      expect(done.reportProblem.problem.reporterKind).toBe("CHAMBER");
      const id = done.reportProblem.problem.id;
      const row = await t.ds.getRepository(Problem).findOneByOrFail({ id: local(id) });
      expect(row).toMatchObject({ reportedBy: null, reportedByChamberId: local(chamber) });
      // The key reads its problem, its timeline and its file.
      const read = await t.ok(ATTACHMENTS, { id }, { token: key.secret });
      expect(read.node).toMatchObject({ id, status: "REPORTED", timeline: [{ kind: "REPORTED" }] });
      expect((await fetch(`${t.url}${read.node.attachments[0].url}`)).status).toBe(200);
      const list = await t.ok(
        `{ problems(first: 10) { totalCount edges { node { id } } } }`,
        {},
        { token: key.secret },
      );
      expect(list.problems.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
      // A non-member is NOT_FOUND, and nothing is stored.
      const before = await t.count(Problem, {});
      const non = await t.ok(REPORT_FILES, { i: input(outsider.id) }, { token: key.secret });
      expect(non.reportProblem.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "enterpriseId"] });
      expect(await t.count(Problem, {})).toBe(before);
      // Another chamber's key (of the same member) sees nothing of it.
      expect((await t.ok(ATTACHMENTS, { id }, { token: otherKey.secret })).node).toBeNull();
      const others = await t.ok(`{ problems(first: 10) { totalCount } }`, {}, { token: otherKey.secret });
      expect(others.problems.totalCount).toBe(0);
      // Nor does the key see what the member reported itself.
      const memberContact = await t.user(["ENTERPRISE_CONTACT"], "会员联络人");
      await t.ds.getRepository(EnterpriseContact).insert({ userId: memberContact.userId, enterpriseId: member.id });
      const own = await must(t, memberContact, REPORT, {
        enterpriseId: toGlobalId("Enterprise", member.id),
        category: "POLICY",
        title: "企业自己反映",
        description: "不是商会反映的。",
      });
      expect((await t.ok(ATTACHMENTS, { id: own.id }, { token: key.secret })).node).toBeNull();
      // The member's contact sees the chamber's report of its problem.
      expect((await t.ok(ATTACHMENTS, { id }, { token: memberContact.token })).node.id).toBe(id);
      // A key without the scope may not report, nor read the chamber's problems.
      const noScope = await t.gql(REPORT_FILES, { i: input(member.id) }, { token: readOnly.secret });
      expect(noScope.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", requiredScope: "PROBLEMS_WRITE" });
      expect((await t.ok(ATTACHMENTS, { id }, { token: readOnly.secret })).node).toBeNull();
      // A key may not act as the enterprise or the desk.
      const rate = await t.gql(RATE, { i: { problemId: id, rating: "SATISFIED" } }, { token: key.secret });
      expect(rate.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(await t.count(Problem, {})).toBe(before + 1);
    });
  });
});
