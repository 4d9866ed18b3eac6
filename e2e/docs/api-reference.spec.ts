// /docs/api as a reader meets it: Scalar from our own bundle (nothing from another host), an operation
// with its parameters, responses and example, and "Test Request" sending the key the reader entered.
import { expect, fixture, test } from "../fixtures";
import { makeApiKey } from "../keys";

test("the reference expands an operation: parameters, responses and an example, nothing from another host", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).hostname !== "localhost") external.push(r.url());
  });
  await page.goto("/docs/api");
  // the reference renders client-side from /api/openapi.json: slow on a busy machine
  await expect(page.getByRole("heading", { name: "Keydesk API", level: 1 })).toBeVisible({ timeout: 30_000 });
  // the intro links the errors page instead of showing "/docs/errors# ." beside an empty box
  await expect(page.getByRole("link", { name: "errors page" })).toHaveAttribute("href", "/docs/errors");
  await expect(page.getByRole("link", { name: "/docs/errors#invalid_api_key" })).toHaveAttribute("href", "/docs/errors#invalid_api_key");

  const sidebar = page.locator("nav, aside");
  await sidebar.getByText("Knowledge base", { exact: true }).first().click();
  await sidebar.getByText("Get an article", { exact: true }).first().click();
  await expect(page).toHaveURL(/#tag\/knowledge-base\/GET\/api\/v1\/articles\/\{id\}$/);
  const operation = page.locator("section").filter({ has: page.getByRole("heading", { name: "Get an article" }) }).first();
  await expect(operation.getByText("Path Parameters")).toBeVisible();
  await expect(operation.getByText("The object's id")).toBeVisible();
  await expect(operation.getByText("Responses", { exact: true })).toBeVisible();
  await expect(operation.getByText("not_found", { exact: true }).first()).toBeVisible();
  await expect(operation.getByRole("link", { name: "not_found" }).first()).toHaveAttribute("href", "/docs/errors#not_found");
  // the 200 example built from the response schema, and the request example against this origin
  await expect(operation.getByText('"visibility": "external"')).toBeVisible();
  await expect(operation.getByText(/curl 'http:\/\/localhost:\d+\/api\/v1\/articles\/\{id\}'/)).toBeVisible();
  // the viewport, not the full page: the reference is ~16,000 px tall
  await page.screenshot({ path: "test-results/screenshots/docs-api-operation.png" });
  expect(external).toEqual([]);
});

test("Test Request sends the key the reader entered to this origin and shows the answer", async ({ page }) => {
  const { orgs } = fixture();
  const { secret } = await makeApiKey(orgs.main.id, { scopes: ["read"] });
  await page.goto("/docs/api");
  // the Authentication box of the intro (the client's hidden copy of the field is in the DOM too)
  await page.getByPlaceholder("Token").filter({ visible: true }).fill(secret);

  await page.locator("nav, aside").getByText(/^Test your connection/).first().click();
  const operation = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Test your connection/ }) }).first();
  await operation.getByRole("button", { name: "Test Request" }).click();
  const client = page.getByRole("dialog");
  await expect(client.getByPlaceholder("Token").filter({ visible: true })).toHaveValue(secret);

  const sent = page.waitForRequest((r) => r.url().endsWith("/api/v1/me"));
  await client.getByRole("button", { name: /^Send/ }).first().click();
  const request = await sent;
  expect(new URL(request.url()).origin).toBe(new URL(page.url()).origin);
  expect(request.headers()["authorization"]).toBe(`Bearer ${secret}`);
  expect((await request.response())?.status()).toBe(200);
  await expect(client.getByText("200 OK")).toBeVisible();
  await expect(client.getByText(`"${orgs.main.slug}"`)).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/docs-api-try-it.png" });
});
