"use server";

import { headers } from "next/headers";

import { actionClient } from "@/lib/actions/safe-action";

import { registerResident } from "./register-resident";
import { registrationSchema } from "./schemas";

export const registerResidentAction = actionClient
  .metadata({ name: "registerResident" })
  .inputSchema(registrationSchema)
  .action(async ({ parsedInput }) => {
    const h = await headers();
    const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
    const result = await registerResident(parsedInput, ip);
    return { status: result.status };
  });
