"use server";

import { z } from "zod";

import { userActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";

/** Marks the signed-in person's notifications in a commune as read. Only their own rows can match. */
export const markNotificationsReadAction = userActionClient
  .metadata({ name: "markNotificationsRead" })
  .inputSchema(z.object({ communeId: z.string().min(1).max(40) }))
  .action(async ({ parsedInput, ctx }) => {
    const { count } = await db.notification.updateMany({
      where: { userId: ctx.user.id, communeId: parsedInput.communeId, readAt: null },
      data: { readAt: new Date() },
    });
    return { count };
  });
