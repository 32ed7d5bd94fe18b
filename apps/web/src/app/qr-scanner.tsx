import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert, Button } from "antd";
import jsQR from "jsqr";
import { useT } from "./i18n";
import { appMessages } from "./messages";

/** The same code held in front of the camera is read again only after this long (a second scan on purpose). */
export const REPEAT_AFTER_MS = 3000;
/** Frames are read a few times a second, scaled to this width: enough for a ticket at arm's length. */
const READ_EVERY_MS = 200;
const READ_WIDTH = 640;

type Problem = "cameraDenied" | "noCamera" | "cameraNeedsHttps" | "cameraFailed";

export function cameraProblem(error: unknown): Problem {
  const name = (error as { name?: string } | null)?.name;
  if (name === "NotAllowedError" || name === "SecurityError") return "cameraDenied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NotReadableError") return "noCamera";
  return "cameraFailed";
}

/**
 * Whether a read code is new: another text, or the same one after REPEAT_AFTER_MS (the camera sees
 * a held ticket many times a second; the desk wants it once, and a deliberate second scan later).
 */
export function isNewRead(last: { text: string; at: number } | null, text: string, now: number): boolean {
  return !last || last.text !== text || now - last.at >= REPEAT_AFTER_MS;
}

/**
 * Reads QR codes with the device's camera (the back one on a phone) until it is closed, handing
 * each new one to `onCode`. Works in any browser with a camera (jsQR over the video's frames; no
 * BarcodeDetector needed), on https or localhost; says plainly why when it cannot.
 */
export function QrScanner({ onCode, onClose }: { onCode: (text: string) => void; onClose: () => void }): ReactNode {
  const t = useT(appMessages);
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [running, setRunning] = useState(false);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setProblem(window.isSecureContext ? "noCamera" : "cameraNeedsHttps");
      return;
    }
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let last: { text: string; at: number } | null = null;

    const read = () => {
      const v = video.current;
      if (!v || !context || v.readyState < v.HAVE_CURRENT_DATA || !v.videoWidth) return;
      const scale = Math.min(1, READ_WIDTH / v.videoWidth);
      canvas.width = Math.round(v.videoWidth * scale);
      canvas.height = Math.round(v.videoHeight * scale);
      context.drawImage(v, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" });
      const text = found?.data.trim();
      if (!text) return;
      const now = Date.now();
      if (!isNewRead(last, text, now)) return;
      last = { text, at: now };
      latest.current(text);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        const v = video.current!;
        v.srcObject = s;
        await v.play();
        setRunning(true);
        timer = setInterval(read, READ_EVERY_MS);
      })
      .catch((error: unknown) => {
        if (!stopped) setProblem(cameraProblem(error));
      });

    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="qr-scanner">
      {problem ? (
        <Alert type="error" showIcon role="alert" title={t(problem)} className="form-errors" />
      ) : (
        <>
          <video
            ref={video}
            muted
            playsInline
            aria-label={t("cameraView")}
            style={{ width: "100%", maxWidth: 420, borderRadius: 8, background: "#000" }}
          />
          <p className="muted" role="status">
            {running ? t("cameraHint") : t("cameraStarting")}
          </p>
        </>
      )}
      <Button onClick={onClose}>{t("closeCamera")}</Button>
    </div>
  );
}
