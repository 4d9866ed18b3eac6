// Webhooks end to end: an owner adds an endpoint in the browser, pointing at a receiver on 127.0.0.1
// that checks every request with the standardwebhooks library (a real client, not our own signing
// code). "Send test event" and an article published through the API each arrive signed, once, and
// show up in the delivery log; a paused endpoint receives nothing; a rotated secret overlaps the old
// one; deleting names the URL. Agents get the 403 page.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expect, fixture, randomIp, shot, signedIn, test } from "../fixtures";
import { makeApiKey } from "../keys";
import { WEBHOOK_EVENT_TYPES } from "../../lib/webhooks/event-types";

const ALL = WEBHOOK_EVENT_TYPES.length;

type Arrival = { path: string; headers: Record<string, string>; body: string; event: { id: string; type: string; data: Record<string, unknown> }; verified: boolean };

/** A receiver that verifies each request on arrival with every secret it has been given. */
async function startReceiver() {
  const arrivals: Arrival[] = [];
  const secrets: string[] = [];
  const scripted: { type: string; status: number; body: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = req.headers as Record<string, string>;
      // verified when some secret's Webhook.verify accepts it (it throws on a bad signature or a stale timestamp)
      const verified = secrets.some((s) => {
        try {
          new Webhook(s).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const event = JSON.parse(body) as Arrival["event"];
      arrivals.push({ path: req.url ?? "/", headers, body, event, verified });
      const i = scripted.findIndex((r) => r.type === event.type);
      const next = i >= 0 ? scripted.splice(i, 1)[0] : undefined;
      if (next) {
        res.writeHead(next.status, { "content-type": "text/plain" });
        res.end(next.body);
        return;
      }
      res.writeHead(verified ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify({ received: verified }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    arrivals,
    /** Only these secrets verify from now on. */
    useSecrets: (...s: string[]) => secrets.splice(0, secrets.length, ...s),
    /** Answers for the next requests of an event type, in order; then the normal verified 200. */
    failNext: (...r: { type: string; status: number; body: string }[]) => scripted.push(...r),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

test.use({ storageState: signedIn("owner") });

const uniq = (p: string) => `${p}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function publishArticle(request: APIRequestContext, key: string, title: string): Promise<string> {
  const res = await request.post("/api/v1/articles", {
    headers: { Authorization: `Bearer ${key}` },
    data: { title, body: "Published by the webhook spec.", visibility: "external", published: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

function deliveryRow(page: Page, eventType: string) {
  return page.getByTestId("delivery-log").getByTestId("delivery-row").filter({ hasText: eventType });
}

test("add an endpoint, send a test event, publish an article: signed deliveries arrive once and appear in the log; paused receives nothing; rotate; delete", async ({ page, request }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    const { orgs } = fixture();
    await page.goto("/settings/api/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();

    // the form: field errors next to their inputs, select all, then the chosen events
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add endpoint" });
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.locator("#webhook-url-error")).toContainText("Give an http(s) URL");
    await expect(dialog.locator("#webhook-events-error")).toHaveText("Choose at least one event");
    await dialog.getByLabel("Endpoint URL").fill("ftp://example.com/hook");
    await dialog.getByRole("checkbox", { name: "Select all" }).check();
    await expect(dialog.getByText(`(${ALL} of ${ALL})`)).toBeVisible();
    await dialog.getByRole("checkbox", { name: "Select all" }).uncheck();
    await expect(dialog.getByText(`(0 of ${ALL})`)).toBeVisible();

    const path = `/${uniq("hook")}`;
    const url = receiver.url(path);
    await dialog.getByLabel("Endpoint URL").fill(url);
    await dialog.getByLabel("Description").fill("Help center sync");
    for (const t of ["article.published", "article.updated", "category.created"]) {
      await dialog.getByRole("checkbox", { name: new RegExp(`^${t.replace(".", "\\.")}`) }).check();
    }
    await expect(dialog.getByText(`(3 of ${ALL})`)).toBeVisible();
    await shot(page, "webhooks-add-dialog");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    // the signing secret, once
    const added = page.getByRole("dialog", { name: "Endpoint added" });
    const secret = (await added.getByTestId("signing-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    await expect(added).toContainText("standardwebhooks");
    await expect(added.getByRole("button", { name: "Copy secret" })).toBeVisible();
    await shot(page, "webhooks-secret-once");
    receiver.useSecrets(secret);
    await added.getByRole("button", { name: "Done" }).click();
    await expect(added).toBeHidden();

    // the list: URL, description, 3 events, enabled, nothing delivered yet
    const row = page.getByTestId("webhooks-table").getByRole("row").filter({ hasText: url });
    await expect(row).toContainText("Help center sync");
    await expect(row.getByRole("cell").nth(1)).toHaveText("3 events");
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("None yet");
    expect(await page.content()).not.toContain(secret);
    await shot(page, "webhooks-list");

    // "Send test event": a signed webhook.test arrives and the log shows it delivered with a 2xx
    await row.getByRole("link", { name: url }).click();
    await expect(page.getByTestId("webhook-url")).toHaveText(url);
    await page.getByRole("button", { name: "Send test event" }).click();
    // the outcome is shown beside the button: sent at once, with the receiver's answer
    const outcome = page.getByTestId("test-outcome");
    await expect(outcome).toContainText("Delivered: HTTP 200");
    await expect(outcome).toContainText(/\d+ ms/);
    await shot(page, "webhooks-test-outcome");
    expect(receiver.arrivals.filter((a) => a.event.type === "webhook.test")).toHaveLength(1);
    const test1 = receiver.arrivals.find((a) => a.event.type === "webhook.test")!;
    expect(test1.verified).toBe(true);
    expect(test1.path).toBe(path);
    expect(test1.headers["webhook-id"]).toBe(test1.event.id);
    const testRow = deliveryRow(page, "webhook.test");
    await expect(testRow).toContainText("Succeeded", { timeout: 15_000 }); // the page refreshes itself while a delivery is pending
    await expect(testRow.getByTestId("last-status")).toHaveText("200");

    // an article published through the API: article.published arrives exactly once, signed
    const { secret: apiKey } = await makeApiKey(orgs.main.id, { scopes: ["write"] });
    const articleId = await publishArticle(request, apiKey, uniq("Webhook article"));
    const publishedOf = (id: string) => receiver.arrivals.filter((a) => a.event.type === "article.published" && a.event.data.id === id);
    await expect.poll(() => publishedOf(articleId).length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(3000); // would a duplicate follow? the worker polls every second
    expect(publishedOf(articleId)).toHaveLength(1);
    const published = publishedOf(articleId)[0]!;
    expect(published.verified).toBe(true);
    expect(published.event.data).toMatchObject({ id: articleId, published: true, visibility: "external" });
    expect(published.body).not.toContain(apiKey);

    await page.reload();
    const pubRow = deliveryRow(page, published.event.id);
    await expect(pubRow).toContainText("article.published");
    await expect(pubRow).toContainText("Succeeded");
    await expect(pubRow.getByTestId("last-status")).toHaveText("200");
    // newest first (other specs may publish into this organization meanwhile: compare positions)
    const order = await page.getByTestId("delivery-row").allTextContents();
    const at = (id: string) => order.findIndex((t) => t.includes(id));
    expect(at(published.event.id)).toBeGreaterThanOrEqual(0);
    expect(at(published.event.id)).toBeLessThan(at(test1.event.id));
    // expand: the attempt with its status and the receiver's response, and the payload
    await pubRow.getByRole("button", { name: /Show details of article\.published/ }).click();
    const details = page.locator(`#delivery-${await pubRow.getAttribute("data-delivery-id")}-details`);
    await expect(details.getByTestId("attempt")).toHaveCount(1);
    await expect(details.getByTestId("attempt")).toContainText("HTTP 200");
    await expect(details.getByLabel("Response excerpt")).toHaveText('{"received":true}');
    await expect(details.getByLabel("Payload")).toContainText(articleId);
    await shot(page, "webhooks-delivery-log");

    // "Resend": the same event (same webhook-id) goes out again, still verifiable
    await pubRow.getByRole("button", { name: `Resend article.published ${published.event.id}` }).click();
    await expect(page.getByText("Delivery queued again").first()).toBeVisible();
    await expect.poll(() => publishedOf(articleId).length, { timeout: 15_000 }).toBe(2);
    const again = publishedOf(articleId)[1]!;
    expect(again.headers["webhook-id"]).toBe(published.headers["webhook-id"]);
    expect(again.verified).toBe(true);
    await expect(details.getByTestId("attempt")).toHaveCount(2, { timeout: 15_000 });
    await expect(pubRow.getByTestId("attempts")).toHaveText("2");

    // the status tabs filter the log
    await page.getByRole("tab", { name: "Failed" }).click();
    await expect(page.getByText("No failed deliveries")).toBeVisible();
    await page.getByRole("tab", { name: "Succeeded" }).click();
    await expect(page.getByTestId("delivery-row").filter({ hasText: published.event.id })).toHaveCount(1);
    await expect(page.getByTestId("delivery-row").filter({ hasText: test1.event.id })).toHaveCount(1);
    await expect(page.getByTestId("delivery-row").filter({ hasNotText: "Succeeded" })).toHaveCount(0);

    // edit: a bad URL is refused next to its field; then description and events change
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("dialog", { name: "Edit endpoint" });
    await expect(edit.getByLabel("Endpoint URL")).toHaveValue(url);
    await expect(edit.getByText(`(3 of ${ALL})`)).toBeVisible();
    await edit.getByLabel("Endpoint URL").fill("not a url");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.locator("#webhook-url-error")).toHaveText("Give an http(s) URL");
    await edit.getByLabel("Endpoint URL").fill(url);
    await edit.getByLabel("Description").fill("Help center sync (edited)");
    await edit.getByRole("checkbox", { name: /^article\.deleted/ }).check();
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Endpoint updated").first()).toBeVisible();
    await expect(edit).toBeHidden();
    await expect(page.getByRole("list", { name: "Subscribed events" }).getByRole("listitem")).toHaveText(["article.updated", "article.published", "article.deleted", "category.created"]);
    await expect(page.getByText("Help center sync (edited)")).toBeVisible();

    // pause: another published article sends nothing
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(page.getByText("Endpoint paused").first()).toBeVisible();
    await expect(page.locator("#paused-note")).toContainText("Paused: Paused by hand");
    await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
    const before = receiver.arrivals.length;
    const quietId = await publishArticle(request, apiKey, uniq("Quiet article"));
    await page.waitForTimeout(4000); // bounded: the worker would have sent it within about a second
    expect(receiver.arrivals.length).toBe(before);
    expect(publishedOf(quietId)).toHaveLength(0);
    await shot(page, "webhooks-paused");
    await page.goto("/settings/api/webhooks");
    await expect(page.getByTestId("webhooks-table").getByRole("row").filter({ hasText: url })).toContainText("Paused");

    // resume, rotate: the new secret is shown once, and for 24 h each delivery verifies with either secret
    await page.getByTestId("webhooks-table").getByRole("link", { name: url }).click();
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByText("Endpoint resumed").first()).toBeVisible();
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotate = page.getByRole("dialog", { name: "Rotate signing secret" });
    await expect(rotate).toContainText("24 hours");
    await rotate.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = page.getByRole("dialog", { name: "New signing secret" });
    const secret2 = (await rotated.getByTestId("signing-secret").textContent())!.trim();
    expect(secret2).toMatch(/^whsec_/);
    expect(secret2).not.toBe(secret);
    await expect(rotated).toContainText("previous secret keeps signing");
    await shot(page, "webhooks-rotated");
    await rotated.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("secret-overlap")).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => receiver.arrivals.filter((a) => a.event.type === "webhook.test").length, { timeout: 15_000 }).toBe(2);
    const test2 = receiver.arrivals.filter((a) => a.event.type === "webhook.test")[1]!;
    for (const s of [secret, secret2]) expect(() => new Webhook(s).verify(test2.body, test2.headers)).not.toThrow();
    // rotating again during the overlap says the oldest secret stops at once
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await expect(page.getByRole("dialog", { name: "Rotate signing secret" }).getByRole("note")).toContainText("Rotating again stops the secret before the current one at once");
    await page.getByRole("dialog", { name: "Rotate signing secret" }).getByRole("button", { name: "Cancel" }).click();

    // delete: the confirmation names the URL
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const del = page.getByRole("dialog", { name: "Delete this endpoint?" });
    await expect(del.getByTestId("delete-url")).toHaveText(url);
    await shot(page, "webhooks-delete");
    await del.getByRole("button", { name: "Delete endpoint" }).click();
    await page.waitForURL(/\/settings\/api\/webhooks\?deleted=1$/);
    await expect(page.getByRole("status").filter({ hasText: "was deleted" })).toBeVisible();
    await expect(page.getByText(url)).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("a partner's endpoint: the partner in the list; a failed attempt shows its status and response, and the retry succeeds", async ({ page }) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  const { db } = await import("../../lib/db");
  const { orgs } = fixture();
  const partner = await db.partner.create({ data: { organizationId: orgs.main.id, name: uniq("Initech"), email: `${uniq("p")}@partners.e2e.keydesk.test`, level: "read" } });
  try {
    await page.goto("/settings/api/webhooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add endpoint" });
    const url = receiver.url(`/${uniq("partner-hook")}`);
    await dialog.getByLabel("Endpoint URL").fill(url);
    await dialog.getByRole("checkbox", { name: /^article\.published/ }).check();
    await dialog.getByRole("combobox", { name: /^Partner/ }).selectOption({ label: partner.name });
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    const added = page.getByRole("dialog", { name: "Endpoint added" });
    receiver.useSecrets((await added.getByTestId("signing-secret").textContent())!.trim());
    await added.getByRole("button", { name: "Done" }).click();
    const row = page.getByTestId("webhooks-table").getByRole("row").filter({ hasText: url });
    await expect(row.getByRole("cell").nth(2)).toHaveText(partner.name);

    // a test event answered 503: the outcome says so at once, with the answer; it is not retried
    receiver.failNext({ type: "webhook.test", status: 503, body: "down for maintenance" });
    await row.getByRole("link", { name: url }).click();
    await expect(page.getByRole("link", { name: partner.name })).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    const outcome = page.getByTestId("test-outcome");
    await expect(outcome).toContainText("Not delivered: HTTP 503");
    await expect(outcome.getByLabel("Test response")).toHaveText("down for maintenance");
    await expect(outcome).toContainText("Test events are not retried");
    const testRow = page.getByTestId("delivery-row").filter({ hasText: "webhook.test" });
    await expect(testRow.getByTestId("last-status")).toHaveText("503");
    await expect(testRow).toContainText("Failed");
    await testRow.getByRole("button", { name: /Show details of webhook\.test/ }).click();
    const details = page.locator(`#delivery-${await testRow.getAttribute("data-delivery-id")}-details`);
    await expect(details.getByTestId("attempt")).toContainText("HTTP 503");
    await expect(details.getByLabel("Response excerpt")).toHaveText("down for maintenance");
    await shot(page, "webhooks-failed-attempt");
    // sending again succeeds; the failed one stays failed (no retry behind the user's back)
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(outcome).toContainText("Delivered: HTTP 200");
    const tests = receiver.arrivals.filter((a) => a.event.type === "webhook.test");
    expect(tests).toHaveLength(2);
    expect(tests.every((a) => a.verified)).toBe(true);
    expect(tests[0]!.headers["webhook-id"]).not.toBe(tests[1]!.headers["webhook-id"]);
    await expect(testRow).toHaveCount(2);
    await page.goto("/settings/api/webhooks");
    await expect(row).toContainText("Succeeded");
  } finally {
    await receiver.close();
    await db.partner.delete({ where: { id: partner.id } }); // its endpoint goes with it (cascade)
  }
});

test("an agent gets the 403 page on the webhook pages, and 403 from their server actions called directly", async ({ page, browser }) => {
  const { orgs } = fixture();
  // an endpoint that hears only key.expiring, so nothing else in the run is sent to it
  const { createWebhook } = await import("../../lib/webhooks/create-webhook");
  const { deleteWebhook } = await import("../../lib/webhooks/delete-webhook");
  const { getWebhook } = await import("../../lib/webhooks/get-webhook");
  const { systemActor } = await import("../../lib/audit/actor");
  const { webhook } = await createWebhook(orgs.main.id, { url: `https://hooks.example.com/${uniq("agent")}`, events: ["key.expiring"] }, systemActor("e2e"));
  try {
    // capture the owner's "Pause" server action request without letting it through
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    await page.route(`**/settings/api/webhooks/${webhook.id}`, async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer()! };
        await route.abort();
      } else await route.continue();
    });
    await page.goto(`/settings/api/webhooks/${webhook.id}`);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => captured).not.toBeNull();

    const ctx = await browser.newContext({ storageState: signedIn("agent"), baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const agentPage = await ctx.newPage();
    for (const path of ["/settings/api/webhooks", `/settings/api/webhooks/${webhook.id}`]) {
      const res = await agentPage.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(agentPage.getByText("are for owners and admins")).toBeVisible();
      await expect(agentPage.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
      await expect(agentPage.getByText(webhook.url)).toHaveCount(0);
    }
    await shot(agentPage, "webhooks-agent-403");

    // the owner's exact request, with the agent's session instead: refused, and nothing changed
    const { cookie: _ownerCookie, "content-length": _len, ...headers } = captured!.headers;
    const res = await agentPage.request.fetch(captured!.url, { method: "POST", headers, data: captured!.body, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect((await getWebhook(orgs.main.id, webhook.id)).enabled).toBe(true);
    await ctx.close();
  } finally {
    await deleteWebhook(orgs.main.id, webhook.id, systemActor("e2e"));
  }
});
