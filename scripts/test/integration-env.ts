// Runs in each test worker before the tests import anything: point lib/db at the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.SCHEDULER = "off";
