// Routes that take no credential (leak reports, GitHub's secret scanning, health): the same request
// id and problem answers as every other route, nothing else.
import { requestIdFor } from "@/lib/http/request-id";
import { errorResponse } from "@/lib/http/respond";

export function withPublic(handler: (ctx: { req: Request; url: URL; requestId: string }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    const requestId = requestIdFor(req);
    let res: Response;
    try {
      res = await handler({ req, url: new URL(req.url), requestId });
    } catch (e) {
      res = errorResponse(e, requestId);
    }
    res.headers.set("X-Request-Id", requestId);
    res.headers.set("Cache-Control", "no-store");
    return res;
  };
}
