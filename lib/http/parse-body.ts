// Request bodies: at most 1 MiB, JSON only, validated by the resource's zod schema.
import type { z } from "zod";
import { ApiError } from "@/lib/http/problem";

export const MAX_BODY_BYTES = 1024 * 1024;

export function zodIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

/** The body as text, at most 1 MiB (a signed body is verified over exactly these bytes). */
export async function readLimited(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new ApiError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** Parse and validate a JSON body. An empty body counts as `{}` so all-optional schemas accept it. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await readLimited(req);
  const type = req.headers.get("content-type") ?? "";
  if (text.trim() !== "" && type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", `The body must be JSON (Content-Type: application/json), not ${type.split(";")[0].slice(0, 100)}.`);
  }
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ApiError("invalid_request", "The body is not valid JSON.", {
        errors: [{ path: "(root)", message: (e as Error).message }],
      });
    }
  }
  return parseInput(schema, json);
}

/** The path of the first string (key or value) holding NUL, which PostgreSQL cannot store or compare. */
function nulPath(v: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof v === "string") return v.includes("\0") ? path.join(".") || "(root)" : null;
  if (depth > 64 || v === null || typeof v !== "object") return null;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes("\0")) return [...path, k].join(".");
    const found = nulPath(x, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "The request"): z.infer<S> {
  const nul = nulPath(input);
  if (nul !== null) throw new ApiError("invalid_request", `${what} has invalid fields.`, { errors: [{ path: nul, message: "Text may not contain NUL (\\u0000) characters" }] });
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError("invalid_request", `${what} has invalid fields.`, { errors: zodIssues(result.error) });
  }
  return result.data;
}

/** Query parameters as a plain object (the last value wins), for zod. */
export function searchParamsObject(url: URL, omit: string[] = ["api_key"]): Record<string, string> {
  const out: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    if (!omit.includes(k)) out[k] = v;
  });
  return out;
}
