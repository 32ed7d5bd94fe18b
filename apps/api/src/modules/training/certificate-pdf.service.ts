import { createHmac, timingSafeEqual } from "node:crypto";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { RequestContext } from "../../graphql/context";
import { toGlobalId } from "../../graphql/ids";
import { Certificate } from "./certificate.entity";
import { beijingDay } from "../../common/beijing-time";
import { certificateFont } from "./certificate-font";
import { ISSUER } from "./completion.service";

/** A download link works this long: enough to click, too short to be worth sharing. */
export const PDF_LINK_TTL_SECONDS = 600;

function linkSignature(secret: string, certificateId: number, exp: number): string {
  return createHmac("sha256", secret).update(`certificate-pdf:${certificateId}:${exp}`).digest("base64url");
}

/** A signed download path: browsers follow plain links without the Authorization header. */
export function certificatePdfPath(secret: string, certificateId: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + PDF_LINK_TTL_SECONDS;
  const file = `${toGlobalId("Certificate", certificateId)}.pdf`;
  return `/certificates/${file}?exp=${exp}&sig=${linkSignature(secret, certificateId, exp)}`;
}

/** True for a link this server signed for this certificate that has not expired. */
export function certificateLinkValid(
  secret: string,
  certificateId: number,
  exp: unknown,
  sig: unknown,
  now = Date.now(),
): boolean {
  if (typeof exp !== "string" || !/^\d{1,12}$/.test(exp)) return false;
  if (typeof sig !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
  const expected = Buffer.from(linkSignature(secret, certificateId, Number(exp)));
  if (!timingSafeEqual(expected, Buffer.from(sig))) return false;
  const seconds = now / 1000;
  return Number(exp) >= seconds && Number(exp) <= seconds + PDF_LINK_TTL_SECONDS;
}

/** The certificate as a PDF whose QR code opens `<origin>/verify/<code>`; null for an unknown id. */
export async function certificatePdf(
  ctx: RequestContext,
  certificateId: number,
  origin: string,
): Promise<{ fileName: string; body: Buffer } | null> {
  const certificate = await ctx.em.findOneBy(Certificate, { id: certificateId });
  if (!certificate) return null;
  const body = await renderCertificatePdf(certificate, `${origin}/verify/${certificate.verificationCode}`);
  return { fileName: `${certificate.serial.replace(/[^\w.-]/g, "_")}.pdf`, body };
}

const RED = "#9b1c1c";
const GOLD = "#b8862b";
const INK = "#1f1f1f";
const GREY = "#5f5f5f";
const ISSUER_EN: Record<string, string> = { [ISSUER]: "China (Lu Zuofu) Private Economy Institute" };

const zhDate = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/** Draws the QR code as vector squares: sharp at any zoom and print size. */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fillColor("#000000").fill();
  doc.link(x, y, size, size, text);
}

/** The bilingual certificate on one A4 landscape page. */
export function renderCertificatePdf(certificate: Certificate, verifyUrl: string): Promise<Buffer> {
  const c = certificate;
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: "zh-CN",
    info: { Title: `${c.title} ${c.serial}`, Author: c.issuer, Creator: "Zuofu" },
  });
  const body = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", certificateFont("regular"));
  doc.registerFont("bold", certificateFont("bold"));
  const { width, height } = doc.page;
  const line = (font: "regular" | "bold", size: number, color: string, text: string, y: number, gap = 8) => {
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, 110, y, { width: width - 220, align: "center" });
    return doc.y + gap;
  };

  doc
    .lineWidth(6)
    .strokeColor(RED)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1.2)
    .strokeColor(GOLD)
    .rect(36, 36, width - 72, height - 72)
    .stroke();

  const completion = c.enrollmentId !== null;
  let y = line("bold", 40, RED, completion ? "结业证书" : "证书", 66, 2);
  y = line("regular", 15, GREY, completion ? "Certificate of Completion" : "Certificate", y, 22);
  y = line("regular", 14, INK, "兹证明  This is to certify that", y, 6);
  y = line("bold", 30, INK, c.holderName, y, 12);
  const course = c.courseTitle ?? c.title;
  const dated = c.startsOn && c.endsOn;
  if (completion) {
    const number = c.cohortNumber ? `第${c.cohortNumber}期` : "";
    const zhWhen = dated ? `于${zhDate(c.startsOn!)}至${zhDate(c.endsOn!)}` : "";
    y = line("regular", 14, INK, `${zhWhen}参加“${course}”${number}学习，完成规定课程，准予结业。`, y, 6);
    const enCohort = c.cohortNumber ? `cohort ${c.cohortNumber} of ` : "";
    const enWhen = dated ? ` from ${c.startsOn} to ${c.endsOn}` : "";
    line("regular", 11, GREY, `attended ${enCohort}“${course}”${enWhen} and has completed the course.`, y);
  } else {
    line("regular", 14, INK, c.title, y);
  }

  if (c.revokedAt) {
    doc.save();
    doc.rotate(-18, { origin: [width / 2, height / 2] });
    doc.opacity(0.3).font("bold").fontSize(70).fillColor(RED);
    doc.text("已撤销  REVOKED", 0, height / 2 - 45, { width, align: "center" });
    doc.restore();
    const day = beijingDay(c.revokedAt);
    const why = c.revokeReason ? `：${c.revokeReason}` : "";
    line("bold", 11, RED, `本证书已于${zhDate(day)}撤销${why}  Revoked on ${day}`, height - 240);
  }

  const left = 90;
  let row = height - 176;
  const field = (zh: string, en: string, value: string, extra?: string) => {
    doc.font("regular").fontSize(10).fillColor(GREY).text(`${zh}  ${en}`, left, row, { width: 170 });
    doc
      .font("bold")
      .fontSize(11)
      .fillColor(INK)
      .text(value, left + 170, row, { width: 300 });
    row = doc.y + 1;
    if (extra) {
      doc
        .font("regular")
        .fontSize(9)
        .fillColor(GREY)
        .text(extra, left + 170, row, { width: 300 });
      row = doc.y + 1;
    }
    row += 5;
  };
  field("颁发单位", "Issuer", c.issuer, ISSUER_EN[c.issuer]);
  const issued = beijingDay(c.issuedAt);
  field("发证日期", "Date of issue", `${zhDate(issued)}  ${issued}`);
  field("证书编号", "Serial No.", c.serial);
  field("验证码", "Verification code", c.verificationCode);

  const qrSize = 104;
  const qrBox = 210;
  const qrLeft = width - 80 - qrBox;
  const qrTop = height - 196;
  drawQrCode(doc, verifyUrl, qrLeft + (qrBox - qrSize) / 2, qrTop, qrSize);
  doc.font("regular").fontSize(9).fillColor(INK);
  doc.text("扫码验证  Scan to verify", qrLeft, qrTop + qrSize + 6, { width: qrBox, align: "center" });
  doc
    .fontSize(7)
    .fillColor(GREY)
    .text(verifyUrl, qrLeft, doc.y + 1, { width: qrBox, align: "center" });

  doc.end();
  return body;
}
