import { useEffect, useState, type ReactNode } from "react";

/**
 * A QR code drawn in the browser. The qrcode library is fetched with the first code a page shows,
 * so it stays out of every first load.
 */
export function QrCode({ value, size, label }: { value: string; size: number; label: string }): ReactNode {
  const [drawn, setDrawn] = useState<{ value: string; src: string } | null>(null);
  useEffect(() => {
    let current = true;
    import("qrcode")
      .then(({ toDataURL }) => toDataURL(value, { width: size, margin: 1, errorCorrectionLevel: "M" }))
      .then((src) => current && setDrawn({ value, src }));
    return () => {
      current = false;
    };
  }, [value, size]);
  // The previous code stays up until the next is drawn: a big screen should never flash empty.
  return drawn ? (
    <img src={drawn.src} width={size} height={size} alt={label} className="qr-code" data-value={drawn.value} />
  ) : (
    <div role="img" aria-label={label} aria-busy="true" className="qr-code" style={{ width: size, height: size }} />
  );
}
