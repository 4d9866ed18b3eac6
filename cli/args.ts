// Small parsers for option values. Syntax errors are UsageErrors (exit 2); whether a value makes
// sense for the domain (a role, a plan, a slug) is left to the services (exit 1).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "@/cli/usage";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === "") throw new UsageError(`${flag} is required`);
  return value;
}

export function onOff(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "on") return true;
  if (value === "off") return false;
  throw new UsageError(`${flag} takes on or off, not "${value}"`);
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} takes a positive whole number, not "${value}"`);
  }
  return Number(value);
}

/** ISO 8601: a date (midnight UTC) or a date-time with a zone. */
export function isoDate(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const d = new Date(value);
  if (!ok || Number.isNaN(d.getTime())) throw new UsageError(`${flag} takes an ISO 8601 date or date-time with a zone (e.g. 2027-01-31 or 2027-01-31T12:00:00Z), not "${value}"`);
  return d;
}
