// The orders a key list can be sorted in, by name: the API's `sort`, the dashboard's sort menu and
// the page query all read these. Pure (the toolbar is a client component).
export const KEY_SORT_LABELS = {
  created_desc: "Newest first",
  created_asc: "Oldest first",
  name_asc: "Name A–Z",
  last_used_desc: "Recently used",
} as const;

export type KeySort = keyof typeof KEY_SORT_LABELS;
export const KEY_SORT_NAMES = Object.keys(KEY_SORT_LABELS) as [KeySort, ...KeySort[]];
export const DEFAULT_KEY_SORT: KeySort = "created_desc";
