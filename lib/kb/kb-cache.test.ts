// Hot knowledge-base reads from memory: a read is served from memory until the organization's
// knowledge base changes, by a service here (at once) or by another process (at the feed's next poll);
// a read that began before a change does not fill the cache; another organization's entries stay.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDbClient, db } from "@/lib/db";
import { env } from "@/lib/env";
import { systemActor } from "@/lib/audit/actor";
import { recordChange } from "@/lib/changes/record-change";
import { pollChanges, startChangeFeed, stopChangeFeed } from "@/lib/changes/change-feed";
import { feedState } from "@/lib/changes/feed-state";
import { createArticle } from "@/lib/kb/create-article";
import { deleteCategory } from "@/lib/kb/delete-category";
import { createCategory } from "@/lib/kb/create-category";
import { kbCache } from "@/lib/kb/kb-cache";
import { getArticle, listArticles } from "@/lib/kb/read-articles";
import { getCategory } from "@/lib/kb/read-categories";
import { updateArticle } from "@/lib/kb/update-article";
import { listArticlesQuerySchema } from "@/lib/validations/article";
import { makeOrg } from "@/test/factories";

afterEach(async () => {
  vi.restoreAllMocks();
  await stopChangeFeed();
});

const actor = systemActor("test");
const query = (q: Record<string, string> = {}) => listArticlesQuerySchema.parse(q);

describe("kb cache", () => {
  it("serves a hot article without the database, and a service's write is read back at once", async () => {
    const org = await makeOrg();
    const a = await createArticle(org.id, { title: "Refunds", body: "x", visibility: "external", published: true }, actor);
    expect((await getArticle(org.id, a.id, "guest")).title).toBe("Refunds");
    const spy = vi.spyOn(db.article, "findFirst");
    expect((await getArticle(org.id, a.id, "guest")).title).toBe("Refunds");
    expect(spy).not.toHaveBeenCalled();
    await updateArticle(org.id, a.id, { title: "Refunds, revised" }, actor);
    expect((await getArticle(org.id, a.id, "guest")).title).toBe("Refunds, revised");
    expect(spy).toHaveBeenCalledTimes(1);
    // unpublished: gone for guests, still there for members
    await updateArticle(org.id, a.id, { published: false }, actor);
    await expect(getArticle(org.id, a.id, "guest")).rejects.toMatchObject({ code: "not_found" });
    expect((await getArticle(org.id, a.id, "member")).published).toBe(false);
  });

  it("lists per query and audience; a new article shows in the cached list; a deleted category leaves its articles uncategorized", async () => {
    const org = await makeOrg();
    const c = await createCategory(org.id, { name: "Billing", description: "" }, actor);
    await createArticle(org.id, { title: "Invoices", body: "", category_id: c.id, visibility: "external", published: true }, actor);
    expect((await listArticles(org.id, "guest", query({ query: "Invoices" }))).data).toHaveLength(1);
    expect((await listArticles(org.id, "guest", query({ query: "Refunds" }))).data).toHaveLength(0);
    await createArticle(org.id, { title: "Refunds", body: "", visibility: "external", published: true }, actor);
    expect((await listArticles(org.id, "guest", query({ query: "Refunds" }))).data).toHaveLength(1);
    expect((await getCategory(org.id, c.id)).name).toBe("Billing");
    await deleteCategory(org.id, c.id, actor);
    await expect(getCategory(org.id, c.id)).rejects.toMatchObject({ code: "not_found" });
    const [invoices] = (await listArticles(org.id, "member", query({ query: "Invoices" }))).data;
    expect(invoices!.category_id).toBeNull();
  });

  it("a change committed by another process reaches this one at the feed's next poll, and only that organization's entries go", async () => {
    await startChangeFeed({ intervalMs: 60_000 }); // polled by hand below
    const [org, bystander] = [await makeOrg(), await makeOrg()];
    const a = await createArticle(org.id, { title: "Before", body: "", visibility: "external", published: true }, actor);
    const b = await createArticle(bystander.id, { title: "Other", body: "", visibility: "external", published: true }, actor);
    await pollChanges(); // this process's own rows come back through the feed too
    await getArticle(org.id, a.id, "guest");
    await getArticle(bystander.id, b.id, "guest");
    const other = createDbClient(env.databaseUrl);
    try {
      await other.$transaction(async (tx) => {
        await tx.article.update({ where: { id: a.id }, data: { title: "After" } });
        await recordChange(tx, "kb", org.id);
      });
      expect((await getArticle(org.id, a.id, "guest")).title).toBe("Before"); // not polled yet
      expect(await pollChanges()).toBeGreaterThanOrEqual(1);
      const spy = vi.spyOn(db.article, "findFirst");
      expect((await getArticle(org.id, a.id, "guest")).title).toBe("After");
      expect((await getArticle(bystander.id, b.id, "guest")).title).toBe("Other");
      expect(spy).toHaveBeenCalledTimes(1); // the bystander's entry was still good
    } finally {
      await other.$disconnect();
    }
  });

  it("a read that began before a change does not fill the cache, and a stale feed sends reads to the database", async () => {
    const org = await makeOrg();
    let release!: () => void;
    const slow = kbCache.read(org.id, "probe", async () => {
      await new Promise<void>((r) => (release = r));
      return "old";
    });
    kbCache.dropOrg(org.id); // a change lands while the read is in flight
    release();
    expect(await slow).toBe("old");
    expect(await kbCache.read(org.id, "probe", async () => "new")).toBe("new");
    expect(await kbCache.read(org.id, "probe", async () => "newer")).toBe("new"); // cached now
    await startChangeFeed({ intervalMs: 60_000 });
    feedState.lastOkAt = Date.now() - 6_000;
    expect(await kbCache.read(org.id, "probe", async () => "from the database")).toBe("from the database");
  });
});
