"use server";

// Server actions of commune set-up (issue 14 §1). The platform's administrators create communes, add
// villages and name a commune's first official (checked from the database: ./platform-admin.ts); a
// commune's own administrators edit its settings (communeActionClient, role ADMIN).
import { revalidatePath } from "next/cache";

import { communeActionClient, userActionClient } from "@/lib/actions/safe-action";

import { checkVillages, type Area, villagesFromFeatures } from "./boundaries";
import { readBoundaryFile } from "./boundary-files";
import { addVillages, createCommune, existingVillages } from "./create-commune";
import { grantFirstMember } from "./first-member";
import { requirePlatformAdmin } from "./platform-admin";
import { saveCommuneSettings, saveSettingsSchema } from "./commune-settings";
import { SETTINGS_ROLES } from "./roles";
import { addVillagesSchema, createCommuneSchema, grantFirstMemberSchema, readBoundaryFileSchema } from "./schemas";

/** A platform administrator, checked before the input is read. */
function platformActionClient(name: string) {
  return userActionClient.metadata({ name }).use(async ({ ctx, next }) => next({ ctx: { admin: await requirePlatformAdmin(ctx.user.id) } }));
}

export const createCommuneAction = platformActionClient("createCommune")
  .inputSchema(createCommuneSchema)
  .action(async ({ parsedInput, ctx }) => {
    const commune = await createCommune(ctx.admin, parsedInput);
    revalidatePath("/", "layout");
    return commune;
  });

export const addVillagesAction = platformActionClient("addVillages")
  .inputSchema(addVillagesSchema)
  .action(async ({ parsedInput, ctx }) => addVillages(ctx.admin, parsedInput));

export const grantFirstMemberAction = platformActionClient("grantFirstMember")
  .inputSchema(grantFirstMemberSchema)
  .action(async ({ parsedInput, ctx }) => grantFirstMember(ctx.admin, parsedInput));

export const saveCommuneSettingsAction = communeActionClient("saveCommuneSettings", SETTINGS_ROLES)
  .inputSchema(saveSettingsSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => saveCommuneSettings(ctx.access, values));

/** Reads a boundary file (GeoJSON, KML, zipped Shapefile) into villages, with every problem found; writes nothing. */
export const readBoundaryFileAction = platformActionClient("readBoundaryFile")
  .inputSchema(readBoundaryFileSchema)
  .action(async ({ parsedInput }) => {
    const { kind, collection } = await readBoundaryFile(new Uint8Array(Buffer.from(parsedInput.base64, "base64")));
    const villages = villagesFromFeatures(collection);
    const context = parsedInput.communeId ? await existingVillages(parsedInput.communeId) : { existing: [], commune: null as Area | null };
    return { kind, villages, problems: checkVillages(villages, context) };
  });
