// Without a keys file, GitHub's keys are fetched (here from a local stand-in serving GitHub's meta
// format); an unreachable endpoint fails cleanly with 503 and changes nothing.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

const pair = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
const KEY_ID = "a".repeat(64);
let served = 0;
const meta = http.createServer((req, res) => {
  served++;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: pair.publicKey.export({ type: "spki", format: "pem" }), is_current: true }] }));
});
await new Promise<void>((r) => meta.listen(0, "127.0.0.1", r));
delete process.env.KEYDESK_GITHUB_SCANNING_KEYS;
process.env.KEYDESK_GITHUB_SCANNING_KEYS_URL = `http://127.0.0.1:${(meta.address() as AddressInfo).port}/meta/public_keys/secret_scanning`;
afterAll(() => meta.close());

const sign = (body: string) => crypto.sign("sha256", Buffer.from(body), { key: pair.privateKey, dsaEncoding: "der" }).toString("base64");

describe("GitHub's keys fetched from the meta endpoint", () => {
  it("verifies with a fetched key, fetched once for several reports", async () => {
    const { POST } = await import("@/app/api/secret-scanning/github/route");
    const { call } = await import("@/test/http");
    const body = JSON.stringify([{ token: "kd_nope", type: "keydesk_api_key", url: "https://github.com/a", source: "content" }]);
    for (let i = 0; i < 3; i++) {
      const r = await call(POST, "/x", { method: "POST", body, headers: { "github-public-key-identifier": KEY_ID, "github-public-key-signature": sign(body) } });
      expect(r.status).toBe(200);
    }
    expect(served).toBe(1);
  });

  it("answers 503 service_unavailable when the keys cannot be fetched", async () => {
    const { forgetGithubScanningKeys } = await import("@/lib/secret-scanning/github-keys");
    const { POST } = await import("@/app/api/secret-scanning/github/route");
    const { call } = await import("@/test/http");
    const was = process.env.KEYDESK_GITHUB_SCANNING_KEYS_URL;
    process.env.KEYDESK_GITHUB_SCANNING_KEYS_URL = "http://127.0.0.1:1/unreachable";
    forgetGithubScanningKeys();
    try {
      const body = "[]";
      const r = await call(POST, "/x", { method: "POST", body, headers: { "github-public-key-identifier": KEY_ID, "github-public-key-signature": sign(body) } });
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ code: "service_unavailable" });
    } finally {
      process.env.KEYDESK_GITHUB_SCANNING_KEYS_URL = was;
      forgetGithubScanningKeys();
    }
  });
});
