// Runs in each test worker before the tests import anything: point lib/db at the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.SCHEDULER = "off";
// Tests act as the database owner (some build fixtures with DDL, some tamper with the audit log on
// purpose); the app's role is tested on its own connection in lib/oversight/audit-immutable.int.test.ts,
// and TEST_DATABASE_APP_ROLE=danban_app runs the app's code as the app. Nothing seals in the
// background: a test that reads the chain seals first (sealPendingAudit).
process.env.DATABASE_APP_ROLE = process.env.TEST_DATABASE_APP_ROLE ?? "";
process.env.AUDIT_SEALER = "off";
