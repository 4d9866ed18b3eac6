const LABELS: Record<string, string> = {
  "key.created": "Created key",
  "key.updated": "Updated key",
  "key.revealed": "Revealed key",
  "key.rotated": "Rotated key",
  "key.secret_retired": "Retired old secret",
  "key.deleted": "Deleted key",
  "key.restored": "Restored key",
  "key.paused": "Paused key",
  "key.resumed": "Resumed key",
  "key.leaked": "Key found in public",
  "key.canary_used": "Decoy key used",
  "partner.paused": "Paused partner",
  "partner.resumed": "Resumed partner",
  "org.settings_updated": "Changed API settings",
};

export function actionLabel(action: string): string {
  return LABELS[action] ?? action;
}
