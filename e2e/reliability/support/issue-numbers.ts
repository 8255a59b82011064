// A second "instance" for the document register: a process of its own, with its own connection pool,
// issuing document numbers concurrently for the staff of xã Thiện Tín. Prints the numbers it got.
// Usage: DATABASE_URL=… tsx --conditions=react-server e2e/reliability/support/issue-numbers.ts <count> <year> <label>
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { issueDocumentNumber } from "@/lib/register/issue-number";

const [count = "20", year = "2041", label = "?"] = process.argv.slice(2);
const commune = await db.commune.findUniqueOrThrow({ where: { slug: "thien-tin" }, select: { id: true } });
const user = await db.user.findUniqueOrThrow({ where: { email: "canbo@thientin.danban.local" }, select: { id: true } });
const access = await requireCommuneAccess(user.id, commune.id, ["STAFF"], { write: true });
const issuedAt = new Date(Date.UTC(Number(year), 5, 15, 3));
const numbers = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    db.$transaction((tx) => issueDocumentNumber(tx, access, { type: "TB", subject: `Thông báo ${label}-${i}`, issuedAt }), { maxWait: 60_000, timeout: 60_000 }).then((d) => d.number),
  ),
);
console.log(JSON.stringify(numbers));
await db.$disconnect();
