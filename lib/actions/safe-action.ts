// One way into the server: every server action is built from these clients. They resolve the session,
// check the role for the commune named in the input (after validation), turn expected errors into a
// message key for the user and unexpected ones into a log line with an id.
import { randomUUID } from "node:crypto";

import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getSessionUser } from "@/lib/auth/session";
import { type ErrorParams, forbidden, isAppError, unauthenticated } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";

export type ActionServerError = {
  code: string;
  status: number;
  params?: ErrorParams;
  fields?: Record<string, string>;
};

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error, { metadata }): ActionServerError {
    if (isAppError(error)) {
      return { code: error.code, status: error.status, params: error.params, fields: error.fields };
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`[action ${metadata?.name ?? "?"}] database unavailable:`, error instanceof Error ? error.message.split("\n")[0] : error);
      const e = databaseUnavailable();
      return { code: e.code, status: e.status, params: e.params };
    }
    const id = randomUUID().slice(0, 8);
    console.error(`[action ${metadata?.name ?? "?"}] unexpected error ${id}:`, error);
    return { code: "unexpected", status: 500, params: { id } };
  },
});

/** Any signed-in user. */
export const userActionClient = actionClient.use(async ({ next }) => {
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  return next({ ctx: { user } });
});

const communeInput = z.object({ communeId: z.string().min(1).max(40) });

/**
 * A signed-in user acting in one commune, under one of `roles`. The input must carry `communeId`;
 * the role check reads it before the action's own schema runs, from the database (never from the
 * session token), and handlers use `ctx.access.communeId`, the commune that was checked.
 */
export function communeActionClient(name: string, roles: readonly Role[], options: { voting?: boolean } = {}) {
  return userActionClient.metadata({ name }).use(async ({ clientInput, ctx, next }) => {
    const parsed = communeInput.safeParse(clientInput);
    if (!parsed.success) throw forbidden();
    // A block for abuse stops opinions and reactions, never a vote or its dispute (`voting`): a
    // household's say in a decision (Law 10/2022 Art. 5, 15) is not moderation's to take away.
    const access = await requireCommuneAccess(ctx.user.id, parsed.data.communeId, roles, { write: !options.voting });
    return next({ ctx: { access } });
  });
}
