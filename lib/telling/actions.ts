"use server";

import { userActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/oversight/audit";

import { textMessagesSchema } from "./schemas";

/** The signed-in person chooses whether they are told by text message too. Only their own account changes. */
export const setTextMessagesAction = userActionClient
  .metadata({ name: "setTextMessages" })
  .inputSchema(textMessagesSchema)
  .action(async ({ parsedInput, ctx }) =>
    db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { textMessages: true } });
      await tx.user.update({ where: { id: ctx.user.id }, data: { textMessages: parsedInput.textMessages } });
      await appendAudit(tx, {
        communeId: null,
        actorId: ctx.user.id,
        actorRole: null,
        action: "account.textMessages",
        entityType: "User",
        entityId: ctx.user.id,
        before: { textMessages: before.textMessages },
        after: { textMessages: parsedInput.textMessages },
      });
      return { textMessages: parsedInput.textMessages };
    }),
  );
