// The one way to write a server action (after Dub's `authActionClient.inputSchema(...).action(...)`):
//
//   export const renameThing = adminAction
//     .input(renameSchema, { from: (fd) => ({ id: fd.get("id"), name: fd.get("name") }), fields: { name: "name" } })
//     .revalidate(({ input }) => [`/things/${input.id}`])
//     .action(async ({ ctx, input }) => { await renameThingService(ctx.m.organization.id, input, ctx.actor); return { ok: true, message: "Renamed" }; });
//
// Each step in order: the role check (the guard: requireAdmin, requireMembership or none), FormData
// → input (`from`), the zod schema, the service call, revalidation, one state shape
// `{ ok?, message?, errors? }` (plus what an action adds, e.g. `secret`). An `ApiError` from a service
// becomes field errors (its `errors: [{path, message}]`, mapped by `fields`) or a message; a
// `FormErrors` thrown anywhere becomes field errors; anything else (redirect(), forbidden(), bugs)
// propagates. Field names the form does not show fall back to `form`, shown above the buttons.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { actorFor } from "@/lib/auth/actor";
import { requireAdmin, requireMembership, type CurrentMembership } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { clientIp } from "@/lib/net/client-ip";
import type { ActionState, FieldErrors } from "@/lib/actions/action-state";
import { FormErrors } from "@/lib/actions/form-errors";

export type InputOptions = {
  /** FormData → the object the schema parses (default: the form's entries). May throw FormErrors. */
  from?: (fd: FormData) => unknown;
  /** API/schema path → form field ("expires_at" → "expiry"); a path not listed is shown under `form`
   * unless `fields` is omitted, when paths are field names already. */
  fields?: Record<string, string>;
  /** The field that shows a plan_required error (default: form). */
  planField?: string;
};

type Body<Ctx, Params, Input, S> = (args: { ctx: Ctx; params: Params; input: Input; fd: FormData }) => Promise<S>;
type Revalidate<Params> = (params: Params) => (string | [string, "layout" | "page"])[];
type Step<Params, Input> = {
  params: z.ZodType<Params> | null;
  schema: z.ZodType<Input> | null;
  options: InputOptions;
  paths: Revalidate<Params> | null;
};

/** A form whose ids name something that is not there (any more): one plain answer, nothing leaks. */
export const GONE = "That no longer exists. Reload the page.";

class ActionBuilder<Ctx, Params, Input> {
  constructor(
    private readonly guard: () => Promise<Ctx>,
    private readonly step: Step<Params, Input>,
  ) {}

  /** The ids the form names (hidden inputs: keyId, partnerId…), read from the form's fields. */
  params<P extends z.ZodType>(schema: P): ActionBuilder<Ctx, z.output<P>, Input> {
    return new ActionBuilder(this.guard, { ...this.step, params: schema as z.ZodType<z.output<P>>, paths: null });
  }

  /** How the form becomes input: the same zod schema the API parses. */
  input<S extends z.ZodType>(schema: S, options: InputOptions = {}): ActionBuilder<Ctx, Params, z.output<S>> {
    return new ActionBuilder(this.guard, { ...this.step, schema: schema as z.ZodType<z.output<S>>, options });
  }

  /** Paths to revalidate after the action succeeded (also before a redirect() it throws). */
  revalidate(paths: Revalidate<Params>): ActionBuilder<Ctx, Params, Input> {
    return new ActionBuilder(this.guard, { ...this.step, paths });
  }

  /** The server action, for useActionState: `(previous state, form data) => state`. */
  action<S extends ActionState>(body: Body<Ctx, Params, Input, S>): (prev: S, fd: FormData) => Promise<S> {
    const { guard, step } = this;
    return async (_prev: S, fd: FormData): Promise<S> => {
      const ctx = await guard();
      let params: Params | undefined;
      try {
        if (step.params) {
          const p = step.params.safeParse(Object.fromEntries(fd));
          if (!p.success) return { message: GONE } as S;
          params = p.data;
        }
        let input: Input;
        const raw = step.options.from ? step.options.from(fd) : Object.fromEntries(fd);
        if (step.schema) {
          const parsed = step.schema.safeParse(raw);
          if (!parsed.success) return { errors: zodFieldErrors(parsed.error, step.options.fields) } as S;
          input = parsed.data;
        } else input = raw as Input;
        const state = await body({ ctx, params: params as Params, input, fd });
        if (state.ok) refresh(step, params);
        return state;
      } catch (e) {
        if (isRedirect(e)) refresh(step, params);
        return stateOf(e, step.options) as S;
      }
    };
  }

  /** An action called with one value instead of a form (an id, a secret to test); the schema checks the value. */
  call<R>(body: (args: { ctx: Ctx; input: Input }) => Promise<R>): (arg: Input) => Promise<R | ActionState> {
    const { guard, step } = this;
    return async (arg: Input) => {
      const ctx = await guard();
      try {
        let input = arg;
        if (step.schema) {
          const parsed = step.schema.safeParse(arg);
          if (!parsed.success) return { message: GONE };
          input = parsed.data;
        }
        const result = await body({ ctx, input });
        refresh(step, undefined);
        return result;
      } catch (e) {
        if (isRedirect(e)) refresh(step, undefined);
        return stateOf(e, step.options);
      }
    };
  }
}

function refresh<P>(step: Step<P, unknown>, params: P | undefined) {
  if (!step.paths) return;
  for (const p of step.paths(params as P)) {
    if (Array.isArray(p)) revalidatePath(p[0], p[1]);
    else revalidatePath(p);
  }
}

/** The field errors of a zod error, each under the form field its path names. */
export function zodFieldErrors(error: z.ZodError, fields?: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const list = (out[fieldFor(String(issue.path[0] ?? ""), fields)] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message); // one message per field, however many items failed
  }
  return out;
}

function fieldFor(path: string, fields?: Record<string, string>): string {
  if (!path) return "form";
  if (!fields) return path;
  return fields[path] ?? "form";
}

/** A thrown error as state; rethrows what is not the user's to see (redirects, 403s, bugs). */
function stateOf(e: unknown, options: InputOptions): ActionState {
  if (e instanceof FormErrors) return { errors: e.errors };
  if (!(e instanceof ApiError)) throw e;
  if (e.code === "plan_required") return { errors: { [options.planField ?? "form"]: [e.message] } };
  const list = e.extras.errors as { path: string; message: string }[] | undefined;
  if (list?.length) {
    const errors: FieldErrors = {};
    for (const x of list) (errors[fieldFor(x.path, options.fields)] ??= []).push(x.message);
    return { message: e.message, errors };
  }
  return { message: e.message };
}

function isRedirect(e: unknown): boolean {
  return typeof (e as { digest?: unknown })?.digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_REDIRECT");
}

function client<Ctx>(guard: () => Promise<Ctx>) {
  return new ActionBuilder<Ctx, undefined, Record<string, FormDataEntryValue>>(guard, { params: null, schema: null, options: {}, paths: null });
}

export type AdminContext = { m: CurrentMembership; actor: Actor };
export type PublicContext = { ip: string | null; userAgent: string | null };

/** Owners and Admins of the current organization (anyone else: the 403 page). */
export const adminAction = client<AdminContext>(async () => {
  const m = await requireAdmin();
  return { m, actor: await actorFor(m) };
});

/** Any member of the current organization (Agents too). */
export const memberAction = client<AdminContext>(async () => {
  const m = await requireMembership();
  return { m, actor: await actorFor(m) };
});

/** No sign-in (claim links, invitations, sign-in, password reset): where the request came from. */
export const publicAction = client<PublicContext>(async () => {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent") };
});
