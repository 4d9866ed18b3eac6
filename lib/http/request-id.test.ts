// Request ids: the caller's when sane, else a fresh one; fresh ones never repeat across pool refills.
import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/http/request-id";

describe("requestIdFor", () => {
  it("keeps a sane caller id and replaces an insane one", () => {
    expect(requestIdFor(new Request("http://x/", { headers: { "x-request-id": "client-id-123" } }))).toBe("client-id-123");
    expect(requestIdFor(new Request("http://x/", { headers: { "x-request-id": "<script>" } }))).toMatch(/^req_[\w-]{16}$/);
  });

  it("makes ids that never repeat, over several refills of the random pool", () => {
    const ids = Array.from({ length: 2_000 }, () => requestIdFor(new Request("http://x/")));
    expect(ids.every((id) => /^req_[\w-]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
