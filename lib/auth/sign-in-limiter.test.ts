import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { SIGN_IN_ATTEMPTS_PER_MINUTE, refundSignInAttempt, signInRetryAfter, takeSignInAttempt } from "@/lib/auth/sign-in-limiter";

const rand = () => crypto.randomBytes(6).toString("hex");

describe("sign-in limiter", () => {
  it("allows 10 attempts a minute per email, then tells how long to wait", async () => {
    const email = `${rand()}@example.test`;
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) expect((await takeSignInAttempt(email, `10.0.0.${i}`)).allowed).toBe(true);
    const refused = await takeSignInAttempt(email, "10.0.1.1");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await signInRetryAfter(email, null)).toBeGreaterThan(0);
  });

  it("limits an IP across emails", async () => {
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) expect((await takeSignInAttempt(`${rand()}@example.test`, ip)).allowed).toBe(true);
    expect((await takeSignInAttempt(`${rand()}@example.test`, ip)).allowed).toBe(false);
  });

  it("counts parallel attempts exactly", async () => {
    const email = `${rand()}@example.test`;
    const results = await Promise.all(Array.from({ length: 25 }, () => takeSignInAttempt(email, null)));
    expect(results.filter((r) => r.allowed)).toHaveLength(SIGN_IN_ATTEMPTS_PER_MINUTE);
  });

  it("does not count successful sign-ins", async () => {
    const email = `${rand()}@example.test`;
    for (let i = 0; i < 30; i++) {
      expect((await takeSignInAttempt(email, null)).allowed).toBe(true);
      await refundSignInAttempt(email, null);
    }
  });
});
