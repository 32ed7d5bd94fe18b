import { Router } from "express";
import { pickLocale } from "@zuofu/shared";
import { RequestContext, type AppServices } from "../../graphql/context";
import { localId } from "../../graphql/ids";
import { certificateLinkValid, certificatePdf } from "./certificate-pdf.service";

/**
 * `GET /certificates/<id>.pdf?exp=&sig=`: the download behind `Certificate.pdfUrl`. The signature
 * is checked before the database is asked, so a guessed link learns nothing, not even whether
 * the certificate exists.
 */
export function createCertificateRouter(services: AppServices): Router {
  const router = Router();
  router.get("/certificates/:file", async (req, res) => {
    res.set({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });
    const id = localId(/^([A-Za-z0-9_-]{1,64})\.pdf$/.exec(req.params.file)?.[1], "Certificate");
    if (!id) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    if (!certificateLinkValid(services.config.sessionSecret, id, req.query.exp, req.query.sig)) {
      res.status(403).type("text/plain").send("This link is not valid or has expired");
      return;
    }
    try {
      const locale = pickLocale(req.headers["accept-language"]);
      const ctx = new RequestContext(services, null, locale, String(req.id), req.ip ?? "unknown");
      const pdf = await certificatePdf(ctx, id, `${req.protocol}://${req.host}`);
      if (!pdf) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      res.type("application/pdf").set("Content-Disposition", `inline; filename="${pdf.fileName}"`).send(pdf.body);
    } catch (err) {
      req.log.error({ err }, "certificate pdf failed");
      res.status(500).type("text/plain").send("Internal error");
    }
  });
  return router;
}
