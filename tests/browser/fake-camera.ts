import { writeFileSync } from "node:fs";
import QRCode from "qrcode";

/**
 * A video file for Chromium's fake camera (`--use-file-for-fake-video-capture`): one 640×480 frame
 * (Y4M, 4:2:0) showing `text` as a QR code, black on white with a quiet zone. Chromium loops it.
 */
export function qrVideo(file: string, text: string): void {
  const width = 640;
  const height = 480;
  const modules = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  const cell = Math.floor(360 / (modules.size + 8));
  const side = cell * (modules.size + 8);
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < cell; y++) {
        const start = (top + (row + 4) * cell + y) * width + left + (col + 4) * cell;
        luma.fill(16, start, start + cell);
      }
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  writeFileSync(file, Buffer.concat([header, luma, chroma]));
}
