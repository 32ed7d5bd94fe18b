import { Router } from "express";
import { RequestContext, type AppServices } from "../../graphql/context";
import { UserErrors } from "../../graphql/errors";
import { User } from "../accounts/user.entity";
import { Trainee } from "../trainees/trainee.entity";
import { kindOfSlug, type ExportFormat } from "./export.enums";
import { readExportLink } from "./export-link";
import { exportTable } from "./export-sources";
import { writeCsv, writeXlsx } from "./export-writer";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  CSV: "text/csv; charset=utf-8",
};

/**
 * `GET /exports/<kind>.xlsx|.csv?p=&u=&l=&exp=&sig=`: the download behind `createExportUrl`. The
 * signature is checked before the database is asked; the signer's account must still be staff.
 */
export function createExportRouter(services: AppServices): Router {
  const router = Router();
  router.get("/exports/:file", async (req, res) => {
    res.set({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });
    const match = /^([a-z-]{1,40})\.(xlsx|csv)$/.exec(req.params.file);
    const kind = match && kindOfSlug(match[1]);
    if (!match || !kind) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    const format = match[2].toUpperCase() as ExportFormat;
    const request = readExportLink(services.config.sessionSecret, kind, format, req.query);
    if (!request) {
      res.status(403).type("text/plain").send("This link is not valid or has expired");
      return;
    }
    try {
      const user = await services.dataSource.manager.findOneBy(User, { id: request.userId });
      if (!user?.active || !user.roles.some((r) => r === "STAFF" || r === "ADMIN")) {
        res.status(403).type("text/plain").send("This link is not valid or has expired");
        return;
      }
      const trainee = await services.dataSource.manager.findOneBy(Trainee, { userId: user.id });
      const viewer = { userId: user.id, roles: user.roles, sessionId: 0, traineeId: trainee?.id ?? null };
      const ctx = new RequestContext(services, viewer, request.locale, String(req.id), req.ip ?? "unknown");
      const table = await exportTable(ctx, request.kind, request.params);
      const fileName = `${table.title[request.locale]}.${match[2]}`;
      res
        .type(CONTENT_TYPES[format])
        .set(
          "Content-Disposition",
          `attachment; filename="export.${match[2]}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        );
      await (format === "XLSX" ? writeXlsx(res, table, request.locale) : writeCsv(res, table, request.locale));
    } catch (err) {
      if (err instanceof UserErrors) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      req.log.error({ err }, "export failed");
      // Once rows are on their way the status is sent: cutting the stream tells the client it failed.
      if (res.headersSent) res.destroy();
      else res.status(500).type("text/plain").send("Internal error");
    }
  });
  return router;
}
