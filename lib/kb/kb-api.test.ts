// The knowledge-base API end to end (in-process route handlers, real database): CRUD, search,
// pagination, cross-tenant 404s, and the permission matrix of presets and fine-grained sets.
import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/v1/articles/route";
import * as article from "@/app/api/v1/articles/[id]/route";
import * as categories from "@/app/api/v1/categories/route";
import * as category from "@/app/api/v1/categories/[id]/route";
import * as me from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import type { Permission, Preset } from "@/lib/keys/permissions";
import { call } from "@/test/http";
import { makeArticle, makeKey, makeOrg } from "@/test/factories";

let org: Awaited<ReturnType<typeof makeOrg>>;
let admin: string;

beforeAll(async () => {
  org = await makeOrg();
  admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
});

describe("articles", () => {
  it("create (201), get, update, list, delete (204), each audited", async () => {
    const c = await call(categories.POST, "/api/v1/categories", { method: "POST", key: admin, body: { name: "Billing" } });
    expect(c.status).toBe(201);
    const created = await call(articles.POST, "/api/v1/articles", {
      method: "POST", key: admin, body: { title: "Refunds", body: "How refunds work", category_id: c.body.id, visibility: "external" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String), title: "Refunds", body: "How refunds work", category_id: c.body.id, visibility: "external",
      published: false, created_at: expect.stringMatching(/Z$/), updated_at: expect.stringMatching(/Z$/),
    });
    const id = created.body.id;
    const patched = await call(article.PATCH, `/api/v1/articles/${id}`, { method: "PATCH", key: admin, params: { id }, body: { published: true } });
    expect(patched.body.published).toBe(true);
    expect((await call(article.GET, `/api/v1/articles/${id}`, { key: admin, params: { id } })).body.title).toBe("Refunds");
    const del = await call(article.DELETE, `/api/v1/articles/${id}`, { method: "DELETE", key: admin, params: { id } });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect(await db.article.findUnique({ where: { id } })).toBeNull();
    expect((await call(article.GET, `/api/v1/articles/${id}`, { key: admin, params: { id } })).status).toBe(404);
    const actions = (await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["article.created", "article.updated", "article.deleted"]);
  });

  it("search by title and body ignoring case, filter by category and visibility, paginate", async () => {
    const o = await makeOrg();
    const k = (await makeKey(o.id, { scopes: ["read"] })).secret;
    const cat = await db.category.create({ data: { organizationId: o.id, name: "Setup" } });
    await makeArticle(o.id, { title: "Install the AGENT", body: "x", categoryId: cat.id });
    await makeArticle(o.id, { title: "Other", body: "the agent runs as a service", visibility: "internal" });
    await makeArticle(o.id, { title: "Unrelated", body: "nothing" });
    const q = await call(articles.GET, "/api/v1/articles?query=agent", { key: k });
    expect(q.body.total).toBe(2);
    expect((await call(articles.GET, `/api/v1/articles?query=agent&category_id=${cat.id}`, { key: k })).body.total).toBe(1);
    expect((await call(articles.GET, "/api/v1/articles?query=AGENT&visibility=internal", { key: k })).body.total).toBe(1);
    const p1 = await call(articles.GET, "/api/v1/articles?per_page=2&page=1", { key: k });
    const p2 = await call(articles.GET, "/api/v1/articles?per_page=2&page=2", { key: k });
    expect(p1.body).toMatchObject({ page: 1, per_page: 2, total: 3 });
    expect(p1.body.data).toHaveLength(2);
    expect(p2.body.data).toHaveLength(1);
    expect(new Set([...p1.body.data, ...p2.body.data].map((a: { id: string }) => a.id)).size).toBe(3);
    for (const bad of ["per_page=0", "per_page=abc", "page=-1", "visibility=secret"]) {
      const r = await call(articles.GET, `/api/v1/articles?${bad}`, { key: k });
      expect(r.status, bad).toBe(400);
      expect(r.body.code).toBe("invalid_request");
    }
  });

  it("another organization's ids are 404 for every verb, and nothing changes", async () => {
    const other = await makeOrg();
    const a = await makeArticle(other.id, { title: "Theirs" });
    const c = await db.category.create({ data: { organizationId: other.id, name: "Theirs" } });
    const p = { params: { id: a.id }, key: admin };
    expect((await call(article.GET, "/x", p)).status).toBe(404);
    expect((await call(article.PATCH, "/x", { ...p, method: "PATCH", body: { title: "Mine" } })).status).toBe(404);
    expect((await call(article.DELETE, "/x", { ...p, method: "DELETE" })).status).toBe(404);
    const pc = { params: { id: c.id }, key: admin };
    expect((await call(category.GET, "/x", pc)).status).toBe(404);
    expect((await call(category.PATCH, "/x", { ...pc, method: "PATCH", body: { name: "Mine" } })).status).toBe(404);
    expect((await call(category.DELETE, "/x", { ...pc, method: "DELETE" })).status).toBe(404);
    // referencing their category from our article is refused like an unknown id
    const r = await call(articles.POST, "/api/v1/articles", { method: "POST", key: admin, body: { title: "x", category_id: c.id } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: "category_id", message: `No category with id ${c.id}` }]);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).title).toBe("Theirs");
    expect(await db.category.findUnique({ where: { id: c.id } })).not.toBeNull();
  });
});

describe("categories", () => {
  it("nest, refuse cycles, and keep articles when deleted", async () => {
    const parent = await call(categories.POST, "/api/v1/categories", { method: "POST", key: admin, body: { name: "Parent" } });
    const child = await call(categories.POST, "/api/v1/categories", { method: "POST", key: admin, body: { name: "Child", parent_id: parent.body.id } });
    expect(child.body.parent_id).toBe(parent.body.id);
    const cycle = await call(category.PATCH, "/x", { method: "PATCH", key: admin, params: { id: parent.body.id }, body: { parent_id: child.body.id } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].path).toBe("parent_id");
    const a = await makeArticle(org.id, { categoryId: parent.body.id });
    expect((await call(category.DELETE, "/x", { method: "DELETE", key: admin, params: { id: parent.body.id } })).status).toBe(204);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).categoryId).toBeNull();
    expect((await db.category.findUniqueOrThrow({ where: { id: child.body.id } })).parentId).toBeNull();
  });
});

describe("permission matrix", () => {
  type Sets = { name: string; scopes?: Preset[]; permissions?: Permission[] };
  const sets: Sets[] = [
    { name: "read", scopes: ["read"] },
    { name: "write", scopes: ["write"] },
    { name: "admin", scopes: ["admin"] },
    { name: "articles:read", permissions: ["articles:read"] },
    { name: "articles:write", permissions: ["articles:write"] },
    { name: "categories:write", permissions: ["categories:write"] },
    { name: "usage:read", permissions: ["usage:read"] },
  ];
  // endpoint -> permission it needs (null: any valid key)
  const endpoints: { name: string; needs: string | null; run: (key: string, ids: { a: string; c: string }) => Promise<{ status: number }> }[] = [
    { name: "GET /me", needs: null, run: (key) => call(me.GET, "/api/v1/me", { key }) },
    { name: "GET /articles", needs: "articles:read", run: (key) => call(articles.GET, "/api/v1/articles", { key }) },
    { name: "GET /articles/{id}", needs: "articles:read", run: (key, ids) => call(article.GET, "/x", { key, params: { id: ids.a } }) },
    { name: "POST /articles", needs: "articles:write", run: (key) => call(articles.POST, "/api/v1/articles", { method: "POST", key, body: { title: "m" } }) },
    { name: "PATCH /articles/{id}", needs: "articles:write", run: (key, ids) => call(article.PATCH, "/x", { method: "PATCH", key, params: { id: ids.a }, body: { title: "m2" } }) },
    { name: "GET /categories", needs: "categories:read", run: (key) => call(categories.GET, "/api/v1/categories", { key }) },
    { name: "GET /categories/{id}", needs: "categories:read", run: (key, ids) => call(category.GET, "/x", { key, params: { id: ids.c } }) },
    { name: "POST /categories", needs: "categories:write", run: (key) => call(categories.POST, "/api/v1/categories", { method: "POST", key, body: { name: "m" } }) },
    { name: "PATCH /categories/{id}", needs: "categories:write", run: (key, ids) => call(category.PATCH, "/x", { method: "PATCH", key, params: { id: ids.c }, body: { name: "m2" } }) },
  ];
  const holds = (perms: string[], needs: string | null) =>
    needs === null || perms.includes(needs) || (needs.endsWith(":read") && perms.includes(needs.replace(":read", ":write")));

  for (const set of sets) {
    it(`${set.name} key`, async () => {
      const o = await makeOrg();
      const { key, secret } = await makeKey(o.id, { scopes: set.scopes, permissions: set.permissions });
      const a = await makeArticle(o.id);
      const c = await db.category.create({ data: { organizationId: o.id, name: "c" } });
      for (const e of endpoints) {
        const r = await e.run(secret, { a: a.id, c: c.id });
        const expected = holds(key.permissions, e.needs) ? [200, 201] : [403];
        expect(expected, `${set.name} × ${e.name} → ${r.status}`).toContain(r.status);
      }
    });
  }
});
