// The API's route table, read from the files Next routes by (app/api/**/route.ts): a new route.ts is
// picked up by itself. Matching follows Next's precedence, segment by segment: a static segment before
// a dynamic one ([id]) before a catch-all ([...path]). Used by the API dispatcher
// (lib/server/api-dispatcher.ts) and by the tests that walk every route (test/routes.ts).
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteParams = Record<string, string | string[]>;
export type RouteHandler = (req: Request, ctx: { params: Promise<RouteParams> }) => Response | Promise<Response>;

/** Every route.ts under dir, sorted. */
export function routeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
    })
    .sort();
}

/** `app/api/v1/keys/[id]/route.ts` → `/api/v1/keys/{id}`; route groups vanish; `[...path]` → `{...path}`. */
export function templateOf(file: string, root = process.cwd()): string {
  const segs = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segs.map((s) => s.replace(/^\[(\.\.\.)?(\w+)\]$/, (_m, dots: string | undefined, name: string) => `{${dots ?? ""}${name}}`)).join("/");
}

type Node<T> = {
  route?: T;
  statics: Map<string, Node<T>>;
  dynamic?: { name: string; node: Node<T> };
  catchAll?: { name: string; route: T };
};

const newNode = <T>(): Node<T> => ({ statics: new Map() });

export type RouteMatch<T> = { route: T; params: RouteParams };

/** A matcher over path templates (`/api/v1/keys/{id}`, `/api/{...path}`). */
export class RouteTable<T> {
  private root = newNode<T>();

  add(template: string, route: T) {
    let node = this.root;
    for (const seg of template.split("/").filter(Boolean)) {
      const catchAll = /^\{\.\.\.(\w+)\}$/.exec(seg);
      if (catchAll) {
        node.catchAll = { name: catchAll[1]!, route };
        return this;
      }
      const dynamic = /^\{(\w+)\}$/.exec(seg);
      if (dynamic) {
        node.dynamic ??= { name: dynamic[1]!, node: newNode() };
        node = node.dynamic.node;
      } else {
        let next = node.statics.get(seg);
        if (!next) node.statics.set(seg, (next = newNode()));
        node = next;
      }
    }
    node.route = route;
    return this;
  }

  /** The route for a path's decoded segments, with its params; null when none matches. */
  match(segments: string[]): RouteMatch<T> | null {
    return this.walk(this.root, segments, 0, {});
  }

  private walk(node: Node<T>, segs: string[], i: number, params: RouteParams): RouteMatch<T> | null {
    if (i === segs.length) return node.route ? { route: node.route, params } : null;
    const seg = segs[i]!;
    const s = node.statics.get(seg);
    const found =
      (s && this.walk(s, segs, i + 1, params)) ||
      (node.dynamic && seg !== "" && this.walk(node.dynamic.node, segs, i + 1, { ...params, [node.dynamic.name]: seg })) ||
      null;
    if (found) return found;
    return node.catchAll ? { route: node.catchAll.route, params: { ...params, [node.catchAll.name]: segs.slice(i) } } : null;
  }
}

/** A path's segments as route params see them: percent-decoded (a malformed escape stays as sent). */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
