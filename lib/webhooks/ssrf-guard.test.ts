// The SSRF guard: private, loopback, link-local and reserved destinations are refused; the request
// goes to the address that was checked, never to a second DNS answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { addressProblem, BlockedDestinationError, resolveTarget, urlProblem, type LookupAll } from "@/lib/webhooks/ssrf-guard";
import { startReceiver } from "@/lib/webhooks/test-receiver";

const resolvesTo = (...addresses: string[]): LookupAll => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const production = { allowLocal: false };

describe("SSRF guard", () => {
  it.each([
    "https://10.0.0.1/hook", "http://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/",
    "https://127.0.0.1/", "https://[::1]/", "https://0.0.0.0/", "https://192.168.1.10/", "https://172.16.0.1/", "https://100.64.0.1/",
    "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://224.0.0.1/",
    "https://localhost/", "https://api.localhost/", "http://example.com/", "ftp://example.com/", "https://user:pw@example.com/",
  ])("refuses %s in production", async (url) => {
    await expect(resolveTarget(url, { ...production, lookup: resolvesTo("93.184.216.34") })).rejects.toBeInstanceOf(BlockedDestinationError);
  });

  it("refuses a hostname that resolves to loopback, link-local or private (any of its addresses)", async () => {
    await expect(resolveTarget("https://evil.example/", { ...production, lookup: resolvesTo("127.0.0.1") })).rejects.toThrow(/loopback/);
    await expect(resolveTarget("https://evil.example/", { ...production, lookup: resolvesTo("93.184.216.34", "169.254.169.254") })).rejects.toThrow(/refused address/);
    await expect(resolveTarget("https://evil.example/", { ...production, lookup: resolvesTo("::ffff:10.0.0.1") })).rejects.toThrow(/IPv4-mapped/);
    // the real resolver: "localhost" is this machine
    await expect(resolveTarget("https://localhost:8443/", production)).rejects.toThrow(BlockedDestinationError);
  });

  it("tells a developer how to allow endpoints on this machine", () => {
    expect(urlProblem("http://localhost:4000/hook", production)).toBe("Use https://. To send to an endpoint on this machine while developing, start Keydesk with KEYDESK_WEBHOOKS_ALLOW_LOCAL=1.");
    expect(urlProblem("https://127.0.0.1/hook", production)).toMatch(/^The URL must not point at this server\. .*KEYDESK_WEBHOOKS_ALLOW_LOCAL=1/);
    expect(urlProblem("http://example.com/", production)).toBe("Use https://");
  });

  it("accepts a public address over https and hands back the checked address", async () => {
    const t = await resolveTarget("https://hooks.example.com/x", { ...production, lookup: resolvesTo("93.184.216.34") });
    expect(t).toMatchObject({ hostname: "hooks.example.com", address: "93.184.216.34", family: 4 });
    expect(addressProblem("2606:4700::6810:84e5", false)).toBeNull();
  });

  it("in development and tests allows http:// to this machine only, never to private networks", async () => {
    const dev = { allowLocal: true };
    await expect(resolveTarget("http://127.0.0.1:9/x", dev)).resolves.toMatchObject({ address: "127.0.0.1" });
    await expect(resolveTarget("http://localhost:9/x", { ...dev, lookup: resolvesTo("127.0.0.1") })).resolves.toMatchObject({ address: "127.0.0.1" });
    await expect(resolveTarget("http://10.0.0.1/", dev)).rejects.toThrow(BlockedDestinationError);
    await expect(resolveTarget("https://169.254.169.254/", dev)).rejects.toThrow(BlockedDestinationError);
    await expect(resolveTarget("http://hooks.example.com/", { ...dev, lookup: resolvesTo("93.184.216.34") })).rejects.toThrow(/http/);
    await expect(resolveTarget("http://sneaky.example/", { ...dev, lookup: resolvesTo("10.1.2.3") })).rejects.toThrow(BlockedDestinationError);
  });

  it("urlProblem (used when an endpoint is saved) and KEYDESK_WEBHOOKS_ALLOW_LOCAL", () => {
    expect(urlProblem("http://127.0.0.1:3000/hook", production)).toMatch(/https/);
    expect(urlProblem("https://10.0.0.1/", production)).toMatch(/private/);
    expect(urlProblem("https://hooks.example.com/x", production)).toBeNull();
    const saved = { NODE_ENV: process.env.NODE_ENV, ALLOW: process.env.KEYDESK_WEBHOOKS_ALLOW_LOCAL };
    try {
      (process.env as Record<string, string>).NODE_ENV = "production";
      delete process.env.KEYDESK_WEBHOOKS_ALLOW_LOCAL;
      expect(urlProblem("http://127.0.0.1:3000/hook")).not.toBeNull();
      process.env.KEYDESK_WEBHOOKS_ALLOW_LOCAL = "1";
      expect(urlProblem("http://127.0.0.1:3000/hook")).toBeNull();
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = saved.NODE_ENV;
      if (saved.ALLOW === undefined) delete process.env.KEYDESK_WEBHOOKS_ALLOW_LOCAL;
      else process.env.KEYDESK_WEBHOOKS_ALLOW_LOCAL = saved.ALLOW;
    }
  });
});

describe("postWebhook", () => {
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(() => rx.close());

  it("connects to the checked address, resolving the name once (no second answer can rebind it)", async () => {
    let lookups = 0;
    const lookup: LookupAll = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    // "rebind.test" does not exist in DNS: reaching the receiver proves the socket used the checked address.
    const r = await postWebhook(`http://rebind.test:${rx.port}/dns`, "{}", {}, { allowLocal: true, lookup });
    expect(r).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(lookups).toBe(1);
    expect(rx.received.at(-1)).toMatchObject({ path: "/dns" });
    expect(rx.received.at(-1)!.headers.host).toBe(`rebind.test:${rx.port}`);
  });

  it("refuses without connecting when the guard says no", async () => {
    const before = rx.received.length;
    const r = await postWebhook(rx.url("/nope"), "{}", {}, { allowLocal: false });
    expect(r.ok).toBe(false);
    expect(r.statusCode).toBeNull();
    expect(r.error).toMatch(/^refused: /);
    expect(rx.received.length).toBe(before);
  });

  it("does not follow redirects, keeps at most 1 KB of the answer, and times out", async () => {
    rx.reply({ status: 302, headers: { location: rx.url("/elsewhere") } });
    const redirected = await postWebhook(rx.url("/redirect"), "{}", {}, { allowLocal: true });
    expect(redirected).toMatchObject({ ok: false, statusCode: 302 });
    expect(redirected.error).toMatch(/not followed/);
    expect(rx.received.some((r) => r.path === "/elsewhere")).toBe(false);

    rx.reply({ status: 200, body: "x".repeat(5000) });
    const big = await postWebhook(rx.url("/big"), "{}", {}, { allowLocal: true });
    expect(big.ok).toBe(true);
    expect(big.responseExcerpt).toHaveLength(1024);

    rx.reply({ status: 200, delayMs: 2000 });
    const slow = await postWebhook(rx.url("/slow"), "{}", {}, { allowLocal: true, timeoutMs: 200 });
    expect(slow).toMatchObject({ ok: false, statusCode: null });
    expect(slow.error).toMatch(/timed out/);
    expect(slow.durationMs).toBeLessThan(1500);
  });
});
