// Who did something: a signed-in user, an API key, or the system (CLI, jobs). Every service takes
// one, so the dashboard, the API and the CLI write the same audit records.
export type Actor = {
  type: "user" | "key" | "system";
  id: string | null;
  label: string;
  ip?: string | null;
  userAgent?: string | null;
};

export const systemActor = (label = "cli"): Actor => ({ type: "system", id: null, label });
