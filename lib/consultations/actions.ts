"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";

import { createConsultation } from "./create-consultation";
import { publishConsultation } from "./publish-consultation";
import { revalidateConsultationPages } from "./revalidate";
import { consultationRefSchema, consultationSchema } from "./schemas";

export const createConsultationAction = communeActionClient("createConsultation", STAFF_ROLES)
  .inputSchema(consultationSchema)
  .action(
  async ({ parsedInput, ctx }) => createConsultation(ctx.access, parsedInput),
);

export const publishConsultationAction = communeActionClient("publishConsultation", STAFF_ROLES)
  .inputSchema(consultationRefSchema)
  .action(
  async ({ parsedInput, ctx }) => {
    const result = await publishConsultation(ctx.access, parsedInput.consultationId);
    const commune = await db.commune.findUniqueOrThrow({ where: { id: ctx.access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, parsedInput.consultationId);
    return result;
  },
);
