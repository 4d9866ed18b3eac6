// Import first: points KEYDESK_DATA_DIR at a fresh temp directory before lib/env reads it, so the
// mail of a test that makes thousands of partners and invitations (the fuzz, the matrices) does not
// pile up in data/outbox. Removed after the file's tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-scratch-"));
process.env.KEYDESK_DATA_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
