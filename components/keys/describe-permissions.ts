/** A short label for a key's access: the preset's name, or how many custom permissions it has. */
export function describePermissions(permissions: readonly string[], preset: string | null): string {
  if (preset) return preset.charAt(0).toUpperCase() + preset.slice(1);
  const writes = permissions.filter((p) => p.endsWith(":write")).length;
  const reads = permissions.filter((p) => p.endsWith(":read") && !permissions.includes(p.replace(":read", ":write"))).length;
  const parts = [writes ? `${writes} write` : "", reads ? `${reads} read` : ""].filter(Boolean);
  return parts.length ? `Custom (${parts.join(", ")})` : "None";
}

