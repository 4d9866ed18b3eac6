// The OpenAPI document: valid OpenAPI 3.1 (checked by an independent validator), covering every
// route under app/api with every method it exports.
import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { problemCodes } from "@/lib/http/problem";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// Not part of the public API: Auth.js's own endpoints and the JSON 404 for unknown paths.
const INTERNAL = ["/api/auth/{nextauth}", "/api/{path}"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(["bearer", "apiKeyHeader", "apiKeyQuery"]));
    expect(doc.components.securitySchemes.apiKeyQuery).toMatchObject({ in: "query", name: "api_key" });
  });

  it("documents every route under app/api, with each method it exports", async () => {
    const doc = await GET().json();
    const missing: string[] = [];
    for (const file of routeFiles("app/api")) {
      const rel = path.relative("app", path.dirname(file)).split(path.sep).join("/");
      const apiPath = "/" + rel.replace(/\[\.\.\.(\w+)\]/g, "{$1}").replace(/\[(\w+)\]/g, "{$1}");
      if (INTERNAL.includes(apiPath)) continue;
      const mod = await import(/* @vite-ignore */ path.resolve(file));
      for (const m of METHODS) {
        if (typeof mod[m] === "function" && !doc.paths[apiPath]?.[m.toLowerCase()]) missing.push(`${m} ${apiPath}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every error response points at a documented problem code", async () => {
    const doc = await GET().json();
    const text = JSON.stringify(doc.paths);
    expect(text).toContain("application/problem+json");
    for (const code of ["invalid_api_key", "insufficient_permissions", "rate_limited", "conflict"]) expect(text).toContain(`\`${code}\``);
    expect(doc.components.schemas.Problem.properties.code.enum.sort()).toEqual(Object.keys(problemCodes).sort());
  });
});
