import { Router } from "express";
import { pickLocale } from "@zuofu/shared";
import { RequestContext, type AppServices, type PartnerViewer, type Viewer } from "../../graphql/context";
import { localId } from "../../graphql/ids";
import { User } from "../accounts/user.entity";
import { Trainee } from "../trainees/trainee.entity";
import { ApiKey } from "../chambers/api-key.entity";
import { canSeeProblem } from "./desk.policy";
import { Problem } from "./problem.entity";
import { ProblemAttachment } from "./problem-attachment.entity";
import { attachmentBytes, readAttachmentLink, type LinkHolder } from "./problem-attachment.service";

/** The caller a link was signed for, as they are now: an active user, or a key that still works. */
async function holderOf(
  services: AppServices,
  holder: LinkHolder,
): Promise<{ viewer: Viewer | null; partner: PartnerViewer | null } | null> {
  const em = services.dataSource.manager;
  if ("userId" in holder) {
    const user = await em.findOneBy(User, { id: holder.userId });
    if (!user?.active) return null;
    const trainee = await em.findOneBy(Trainee, { userId: user.id });
    return {
      viewer: { userId: user.id, roles: user.roles, sessionId: 0, traineeId: trainee?.id ?? null },
      partner: null,
    };
  }
  const key = await em.findOneBy(ApiKey, { id: holder.apiKeyId });
  if (!key || key.revokedAt || key.expiresAt <= new Date()) return null;
  return {
    viewer: null,
    partner: {
      chamberId: key.chamberId,
      apiKeyId: key.id,
      scopes: key.scopes,
      budget: { bucket: key.prefix, perHour: key.hourlyBudget },
      // A key reads the problems it reported, whoever the member: no list of members is needed.
      memberEnterpriseIds: new Set(),
    },
  };
}

/**
 * `GET /attachments/<id>?h=&exp=&sig=`: the download behind `ProblemAttachment.url`. The signature
 * is checked before the database is asked; then the holder must still see the problem. Always a
 * download (never shown inline), with the type found in the file's bytes.
 */
export function createAttachmentRouter(services: AppServices): Router {
  const router = Router();
  router.get("/attachments/:id", async (req, res) => {
    res.set({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });
    const id = localId(/^[A-Za-z0-9_-]{1,64}$/.test(req.params.id) ? req.params.id : undefined, "ProblemAttachment");
    const holder = id ? readAttachmentLink(services.config.sessionSecret, id, req.query) : null;
    if (!id || !holder) {
      res.status(403).type("text/plain").send("This link is not valid or has expired");
      return;
    }
    try {
      const caller = await holderOf(services, holder);
      const attachment = await services.dataSource.manager.findOneBy(ProblemAttachment, { id });
      const problem =
        attachment && (await services.dataSource.manager.findOneBy(Problem, { id: attachment.problemId }));
      const locale = pickLocale(req.headers["accept-language"]);
      const ctx =
        caller &&
        new RequestContext(
          services,
          caller.viewer,
          locale,
          String(req.id),
          req.ip ?? "unknown",
          undefined,
          false,
          caller.partner,
        );
      if (!ctx || !attachment || !problem || !(await canSeeProblem(ctx, problem))) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      res.type(attachment.contentType).set({
        "Content-Length": String(attachment.byteSize),
        "Content-Disposition": `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "X-Content-Type-Options": "nosniff",
        ETag: `"${attachment.sha256}"`,
      });
      for await (const part of attachmentBytes(ctx, attachment.id)) res.write(part);
      res.end();
    } catch (err) {
      req.log.error({ err }, "attachment download failed");
      if (res.headersSent) res.destroy();
      else res.status(500).type("text/plain").send("Internal error");
    }
  });
  return router;
}
