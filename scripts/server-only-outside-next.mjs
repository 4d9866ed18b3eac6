// lib/ marks each module that touches the database, secrets or mail with `import "server-only"`:
// Next resolves that name itself (an empty module on the server, a build error in a browser bundle).
// Plain Node does not know it, so the programs that import lib/ outside Next (the CLI, the bench,
// Playwright's helpers) import this first: from then on "server-only" is Next's empty module.
// vitest does the same with a resolve alias (vitest.config.ts).
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const empty = pathToFileURL(createRequire(import.meta.url).resolve("next/dist/compiled/server-only/empty.js")).href;
const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
