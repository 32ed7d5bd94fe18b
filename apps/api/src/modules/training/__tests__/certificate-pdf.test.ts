import "reflect-metadata";
import QRCode from "qrcode";
import { TestApp, type TestUser } from "../../../testing/harness";
import { localId } from "../../../graphql/ids";
import { certificatePdfPath } from "../certificate-pdf.service";
import { ENROLL, STATUS, openCohort } from "./fixtures";
import { readPdf, type PdfContents } from "./pdf-reader";

const SESSION = `mutation($i: CreateClassSessionInput!) { createClassSession(input: $i) { session { id } userErrors { code } } }`;
const MARK = `mutation($i: MarkAttendanceInput!) { markAttendance(input: $i) { userErrors { code } } }`;
const CERT = `query($id: ID!) { node(id: $id) { ... on Enrollment { certificate { id serial verificationCode pdfUrl } } } }`;
const REVOKE = `mutation($i: RevokeCertificateInput!) { revokeCertificate(input: $i) { userErrors { code } } }`;

let t: TestApp;
let staff: TestUser;
let holder: TestUser;
let enrollmentId: string;
let certificate: { id: string; serial: string; verificationCode: string; pdfUrl: string };

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  holder = await t.user(["TRAINEE"], "陈思远");
  const cohortId = await openCohort(t, staff, { capacity: 5, title: "卢作孚企业家精神专题培训班" });
  enrollmentId = (await t.ok(ENROLL, { i: { cohortId } }, { token: holder.token })).enroll.enrollment.id;
  const start = Date.now() - 86_400_000;
  const session = await t.ok(
    SESSION,
    {
      i: {
        cohortId,
        topic: "卢作孚的实业救国之路",
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3 * 3600_000).toISOString(),
      },
    },
    { token: staff.token },
  );
  const sessionId = session.createClassSession.session.id;
  await t.ok(STATUS, { i: { cohortId, status: "IN_PROGRESS" } }, { token: staff.token });
  await t.ok(MARK, { i: { sessionId, entries: [{ enrollmentId, present: true }] } }, { token: staff.token });
  await t.ok(STATUS, { i: { cohortId, status: "COMPLETED" } }, { token: staff.token });
  certificate = (await t.ok(CERT, { id: enrollmentId }, { token: holder.token })).node.certificate;
});
afterAll(() => t.close());

const download = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });

async function pdfOf(res: Response): Promise<{ raw: Buffer; pdf: PdfContents }> {
  const raw = Buffer.from(await res.arrayBuffer());
  return { raw, pdf: readPdf(raw) };
}

/** The URL the page's QR code encodes: the drawn squares must be exactly that code's dark modules. */
function qrEncodes(pdf: PdfContents, url: string): boolean {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = 104 / modules.size;
  const squares = pdf.rects.filter((r) => Math.abs(r.h - cell) < 0.01);
  if (!squares.length) return false;
  const [x0, y0] = [Math.min(...squares.map((r) => r.x)), Math.min(...squares.map((r) => r.y))];
  const drawn = new Set<string>();
  for (const r of squares) {
    const row = Math.round((r.y - y0) / cell);
    for (let c = Math.round((r.x - x0) / cell); c < Math.round((r.x + r.w - x0) / cell); c++) drawn.add(`${row}:${c}`);
  }
  let dark = 0;
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      dark++;
      if (!drawn.has(`${row}:${col}`)) return false;
    }
  return dark === drawn.size;
}

describe("certificate PDF", () => {
  it("the holder and staff get a signed download path; visitors see no certificate at all", async () => {
    expect(certificate.pdfUrl).toMatch(/^\/certificates\/[A-Za-z0-9_-]+\.pdf\?exp=\d+&sig=[A-Za-z0-9_-]{43}$/);
    const exp = Number(/exp=(\d+)/.exec(certificate.pdfUrl)![1]);
    expect(exp - Date.now() / 1000).toBeGreaterThan(590);
    expect(exp - Date.now() / 1000).toBeLessThanOrEqual(600);
    const asStaff = await t.ok(CERT, { id: enrollmentId }, { token: staff.token });
    expect(asStaff.node.certificate.pdfUrl).toMatch(/^\/certificates\//);
    const other = await t.user(["TRAINEE"]);
    expect((await t.ok(CERT, { id: enrollmentId }, { token: other.token })).node).toBeNull();
    expect((await t.ok(CERT, { id: enrollmentId })).node).toBeNull();
  });

  it("downloads as a bilingual PDF whose text holds the serial and whose QR code opens the verification page", async () => {
    const res = await download(certificate.pdfUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="${certificate.serial}.pdf"`);
    const { raw, pdf } = await pdfOf(res);
    expect(raw.subarray(0, 5).toString()).toBe("%PDF-");
    expect(raw.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    const text = pdf.text.join("");
    for (const expected of [
      "结业证书",
      "Certificate of Completion",
      "陈思远",
      "卢作孚企业家精神专题培训班",
      "第1期",
      "于2026年3月1日至2026年3月5日",
      "中国（卢作孚）民营经济学院",
      "China (Lu Zuofu) Private Economy Institute",
      certificate.serial,
      certificate.verificationCode,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("\uFFFD");
    expect(text).not.toContain("REVOKED");
    const verifyUrl = `${t.url}/verify/${certificate.verificationCode}`;
    expect(qrEncodes(pdf, verifyUrl)).toBe(true);
    expect(pdf.dicts.some((d) => d.includes(`/URI (${verifyUrl})`))).toBe(true);
  });

  it("builds the QR code's address from the origin the browser used, also behind a proxy", async () => {
    const res = await download(certificate.pdfUrl, {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "zuofu.example.cn",
    });
    const { pdf } = await pdfOf(res);
    expect(qrEncodes(pdf, `https://zuofu.example.cn/verify/${certificate.verificationCode}`)).toBe(true);
  });

  it("refuses forged, expired and borrowed links with 403, unknown ones with 404, and says nothing more", async () => {
    const id = localId(certificate.id, "Certificate")!;
    const secret = t.config.sessionSecret;
    const [path, query] = certificate.pdfUrl.split("?");
    const sig = /sig=([^&]+)/.exec(query)![1];
    const forged = `${path}?${query.replace(sig, `${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`)}`;
    const expired = certificatePdfPath(secret, id, Date.now() - 601_000);
    const otherId = certificatePdfPath(secret, id + 1).split("?")[0];
    const cases: [string, number][] = [
      [forged, 403],
      [expired, 403],
      [`${path}?exp=${/exp=(\d+)/.exec(query)![1]}`, 403],
      [path, 403],
      [`${path}?${query.replace(/exp=\d+/, `exp=${Math.floor(Date.now() / 1000) + 300}`)}`, 403],
      [`${otherId}?${query}`, 403],
      [`/certificates/not-an-id.pdf?${query}`, 404],
      [`/certificates/${Buffer.from(`Enrollment:${id}`).toString("base64url")}.pdf?${query}`, 404],
      [certificatePdfPath(secret, 999_999), 404],
    ];
    for (const [url, status] of cases) {
      const res = await download(url);
      expect([url, res.status]).toEqual([url, status]);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      const body = await res.text();
      expect(body.length).toBeLessThan(60);
      expect(body).not.toContain("陈思远");
      expect(body).not.toContain(certificate.serial);
    }
  });

  it("a revoked certificate still downloads, marked 已撤销 / REVOKED", async () => {
    const admin = await t.user(["ADMIN"]);
    const revoked = await t.ok(
      REVOKE,
      { i: { certificateId: certificate.id, reason: "出勤记录有误" } },
      { token: admin.token },
    );
    expect(revoked.revokeCertificate.userErrors).toEqual([]);
    const fresh = (await t.ok(CERT, { id: enrollmentId }, { token: holder.token })).node.certificate;
    const res = await download(fresh.pdfUrl);
    expect(res.status).toBe(200);
    const text = (await pdfOf(res)).pdf.text.join("");
    expect(text).toContain("已撤销  REVOKED");
    expect(text).toContain("出勤记录有误");
    expect(text).toContain(certificate.serial);
  });
});
