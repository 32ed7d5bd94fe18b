import { randomUUID } from "node:crypto";
import { Router, type NextFunction, type Request, type Response } from "express";
import { pickLocale } from "@zuofu/shared";
import { RequestContext, type AppServices } from "../../graphql/context";
import { personalCalendar, publicCalendar } from "./calendar-feed.service";

function contextOf(services: AppServices, req: Request): RequestContext {
  const locale = pickLocale(req.headers["accept-language"]);
  return new RequestContext(services, null, locale, randomUUID(), req.ip ?? "unknown");
}

function sendCalendar(res: Response, text: string, cache: string): void {
  res.set({ "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": cache, "X-Robots-Tag": "noindex" });
  res.send(text);
}

/**
 * GET /calendar.ics (public, upcoming events) and GET /calendar/<token>.ics (a trainee's own
 * schedule). Mounted before the access log, whose lines would hold the secret token: this router
 * logs its requests itself, with the token left out.
 */
export function createCalendarRouter(services: AppServices): Router {
  const router = Router();
  const logAs = (path: string) => (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.on("finish", () =>
      services.log.info(
        {
          req: { method: req.method, path },
          res: { status: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        "request completed",
      ),
    );
    next();
  };

  router.get("/calendar.ics", logAs("/calendar.ics"), async (req, res) => {
    try {
      sendCalendar(res, await publicCalendar(contextOf(services, req)), "public, max-age=300");
    } catch (err) {
      services.log.error({ err }, "public calendar failed");
      res.status(500).type("text/plain").send("Internal error");
    }
  });

  router.get("/calendar/:token.ics", logAs("/calendar/:token.ics"), async (req, res) => {
    try {
      const text = await personalCalendar(contextOf(services, req), String(req.params.token));
      if (text === null) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      res.set("Referrer-Policy", "no-referrer");
      sendCalendar(res, text, "private, max-age=300");
    } catch (err) {
      services.log.error({ err }, "personal calendar failed");
      res.status(500).type("text/plain").send("Internal error");
    }
  });

  return router;
}
