// npm run admin:create — creates the first platform administrator of a real deployment (which starts
// empty: npm start loads no demo data there). The email and password come from ADMIN_EMAIL and
// ADMIN_PASSWORD when set (for automated installs), otherwise they are asked on the terminal, the
// password without echo. Migrations are applied first, so this works on a brand-new database.
import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";

import { openDatabase } from "./db/database";
import { applyMigrations } from "./db/migrations";

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: stdin, output: stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** Reads a line from the terminal without showing it (raw mode: each key is handled here). */
function askHidden(question: string): Promise<string> {
  if (!stdin.isTTY) return ask(question);
  stdout.write(question);
  return new Promise((resolve, reject) => {
    let typed = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          done();
          resolve(typed);
          return;
        }
        if (char === "\u0003") {
          done();
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write("\n");
    };
    stdin.on("data", onData);
  });
}

const email = process.env.ADMIN_EMAIL || (await ask("Email of the administrator / Email quản trị: "));
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  password = await askHidden("Password / Mật khẩu (8+): ");
  const again = await askHidden("Again / Nhập lại: ");
  if (again !== password) {
    console.error("The two passwords differ / Hai mật khẩu không khớp.");
    process.exit(1);
  }
}

const database = await openDatabase();
await applyMigrations(database.url);
const { db } = await import("@/lib/db");
const { AdminInputError, createPlatformAdmin } = await import("@/lib/accounts/create-admin");
try {
  const admin = await createPlatformAdmin(db, { email, password, name: process.env.ADMIN_NAME });
  console.log(`Platform administrator ${admin.email} created. Sign in at /sign-in, then create the commune.`);
} catch (error) {
  if (!(error instanceof AdminInputError)) throw error;
  console.error(`Not created / Chưa tạo được:\n${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
