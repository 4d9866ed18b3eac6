// What the delivery jobs take from their caller: the time (tests move a clock instead of sleeping),
// the jitter, and how to POST (tests and the bench may pass their own).
import { postWebhook, type PostOptions, type PostResult } from "@/lib/webhooks/post-webhook";

export type Clock = () => Date;

export type WorkerOptions = {
  /** The time, or a function that tells it. */
  now?: Clock | Date;
  /** Returns a number in [0, 1): the jitter. */
  random?: () => number;
  post?: (url: string, body: string, headers: Record<string, string>, opts?: PostOptions) => Promise<PostResult>;
  postOptions?: PostOptions;
  /** Endpoints served at once (each endpoint itself strictly one at a time). */
  concurrency?: number;
  /** At most this many of those lanes serve one organization's endpoints at a time (one slow tenant cannot take them all). */
  perOrganization?: number;
};

export function clockOf(options: WorkerOptions): Clock {
  const given = options.now;
  return given instanceof Date ? () => given : (given ?? (() => new Date()));
}

export function postOf(options: WorkerOptions) {
  return options.post ?? postWebhook;
}
