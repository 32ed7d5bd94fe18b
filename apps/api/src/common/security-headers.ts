import helmet from "helmet";
import type { RequestHandler } from "express";

/**
 * The Content-Security-Policy of every response, the web app's and the API's. Scripts only from
 * this origin (Vite's build has no inline script). Styles also inline: Ant Design writes its CSS
 * in <style> elements at run time and React writes `style` attributes, which a nonce cannot cover
 * (docs/security.md says why that is an acceptable cost).
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  // Ticket QR codes are drawn as data: images (app/qr-code.tsx).
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "media-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "frame-src": ["'none'"],
  "worker-src": ["'none'"],
  "manifest-src": ["'self'"],
};

/**
 * helmet's headers with the policy above. Not `upgrade-insecure-requests`: a server reached over
 * plain http on the office network would then load nothing. HSTS only for this host: the
 * institute's other sub-domains are not ours to move to https.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: "deny" },
    strictTransportSecurity: { maxAge: 180 * 86_400, includeSubDomains: false },
  });
}
