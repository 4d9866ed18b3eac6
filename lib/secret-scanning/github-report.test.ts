// GitHub's secret-scanning partner protocol, against keys this test makes: it signs reports with a
// P-256 key pair of its own and publishes the public key in the file form GitHub uses.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const pair = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
const other = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
const KEY_ID = "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a";
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gh-keys-")), "keys.json");
fs.writeFileSync(file, JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: pair.publicKey.export({ type: "spki", format: "pem" }), is_current: true }] }));
process.env.KEYDESK_GITHUB_SCANNING_KEYS = file;

const sign = (body: string, key = pair.privateKey) => crypto.sign("sha256", Buffer.from(body), { key, dsaEncoding: "der" }).toString("base64");

async function post(body: string, headers: Record<string, string>) {
  const { POST } = await import("@/app/api/secret-scanning/github/route");
  const { call } = await import("@/test/http");
  return call(POST, "/api/secret-scanning/github", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

describe("POST /api/secret-scanning/github", () => {
  it("labels each token, revokes the live one, and answers in GitHub's feedback form", async () => {
    const { makeKey, makeOrg } = await import("@/test/factories");
    const { generateKey, hashKey } = await import("@/lib/keys/key-format");
    const { db } = await import("@/lib/db");
    const org = await makeOrg();
    const k = await makeKey(org.id, { scopes: ["read"] });
    const stranger = generateKey();
    const body = JSON.stringify([
      { token: k.secret, type: "keydesk_api_key", url: "https://github.com/acme/app/blob/abc/.env", source: "content" },
      { token: stranger, type: "keydesk_api_key", url: "https://gist.github.com/x", source: "gist" },
      { token: "not-a-key", type: "keydesk_api_key", url: "https://github.com/y", source: "content" },
    ]);
    const r = await post(body, { "github-public-key-identifier": KEY_ID, "github-public-key-signature": sign(body) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { token_hash: hashKey(k.secret), token_type: "keydesk_api_key", label: "true_positive" },
      { token_hash: hashKey(stranger), token_type: "keydesk_api_key", label: "false_positive" },
      { token_hash: hashKey("not-a-key"), token_type: "keydesk_api_key", label: "false_positive" },
    ]);
    const secret = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: k.key.id } });
    expect(secret).toMatchObject({ leakedUrl: "https://github.com/acme/app/blob/abc/.env", leakedSource: "content" });
    expect(secret.revokedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: k.key.id, action: "key.leaked" } });
    expect(audit.actorLabel).toBe("GitHub secret scanning");
  });

  it.each([
    ["a tampered body", (body: string) => ({ body: body.replace("content", "c0ntent"), headers: { "github-public-key-identifier": KEY_ID, "github-public-key-signature": sign(body) } })],
    ["a signature by another key", (body: string) => ({ body, headers: { "github-public-key-identifier": KEY_ID, "github-public-key-signature": sign(body, other.privateKey) } })],
    ["an unknown key identifier", (body: string) => ({ body, headers: { "github-public-key-identifier": "f".repeat(64), "github-public-key-signature": sign(body) } })],
    ["no signature", (body: string) => ({ body, headers: {} as Record<string, string> })],
    ["a mangled signature", (body: string) => ({ body, headers: { "github-public-key-identifier": KEY_ID, "github-public-key-signature": "%%%not base64" } })],
  ])("refuses %s with 401 invalid_signature and changes nothing", async (_, make) => {
    const { makeKey, makeOrg } = await import("@/test/factories");
    const { db } = await import("@/lib/db");
    const org = await makeOrg();
    const k = await makeKey(org.id, { scopes: ["read"] });
    const { body, headers } = make(JSON.stringify([{ token: k.secret, type: "keydesk_api_key", url: "https://github.com/z", source: "content" }]));
    const r = await post(body, headers);
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    expect(r.body).toMatchObject({ code: "invalid_signature", status: 401 });
    expect((await db.apiKeySecret.findFirstOrThrow({ where: { keyId: k.key.id } })).leakedAt).toBeNull();
  });

  it("a signed batch of 1000 tokens is answered in one go", async () => {
    const { generateKey } = await import("@/lib/keys/key-format");
    const body = JSON.stringify(Array.from({ length: 1000 }, () => ({ token: generateKey(), type: "keydesk_api_key", url: "https://github.com/a", source: "content" })));
    const r = await post(body, { "github-public-key-identifier": KEY_ID, "github-public-key-signature": sign(body) });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(1000);
    expect(r.body.every((x: { label: string }) => x.label === "false_positive")).toBe(true);
  });
});
