// Thrown by a form reader or an action body: these errors, each shown by its form field. Pure (a
// form reader may run anywhere); lib/actions/action-client.ts turns it into action state.
import type { FieldErrors } from "@/lib/actions/action-state";

export class FormErrors extends Error {
  constructor(readonly errors: FieldErrors) {
    super("form errors");
  }
}
