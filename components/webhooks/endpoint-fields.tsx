"use client";
// URL, description and events: shared by "Add endpoint" and "Edit".
import type { FieldErrors } from "@/lib/actions/action-state";
import { FieldError, Input, Label } from "@/components/ui/input";
import { EventPicker } from "@/components/webhooks/event-picker";

export function EndpointFields({ errors, initial }: { errors?: FieldErrors; initial?: { url: string; description: string; events: string[] } }) {
  return (
    <>
      <div>
        <Label htmlFor="webhook-url">Endpoint URL</Label>
        <Input
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          maxLength={2048}
          required
          autoFocus
          autoComplete="off"
          placeholder="https://example.com/webhooks/keydesk"
          defaultValue={initial?.url}
          className="mt-1.5 font-mono text-[13px]"
          aria-invalid={errors?.url ? true : undefined}
          aria-describedby="webhook-url-hint webhook-url-error"
        />
        <p id="webhook-url-hint" className="mt-1 text-xs text-slate-500">Keydesk sends a signed POST with a JSON body to this URL. Use https.</p>
        <FieldError id="webhook-url-error" errors={errors?.url} />
      </div>
      <div>
        <Label htmlFor="webhook-description">Description <span className="font-normal text-slate-400">(optional)</span></Label>
        <Input
          id="webhook-description"
          name="description"
          maxLength={500}
          autoComplete="off"
          placeholder="e.g. Sync published articles to the help center"
          defaultValue={initial?.description}
          className="mt-1.5"
          aria-invalid={errors?.description ? true : undefined}
          aria-describedby="webhook-description-error"
        />
        <FieldError id="webhook-description-error" errors={errors?.description} />
      </div>
      <div>
        <EventPicker initial={initial?.events} errorId="webhook-events-error" invalid={Boolean(errors?.events)} />
        <FieldError id="webhook-events-error" errors={errors?.events} />
      </div>
    </>
  );
}
