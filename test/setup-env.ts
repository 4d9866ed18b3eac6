// Runs in each test worker before the test file: point lib/env at this project's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
