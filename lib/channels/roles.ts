// Who enters opinions received off the web (Law 10/2022 Art. 26.1): commune staff, village heads (for
// their own village only) and the Front, which receives opinions itself. One list, used by the server
// actions, the upload route and the pages, and tested per role.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { AppError, forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

import { ENTRY_CHANNELS, type EntryChannel } from "./channel-list";

export const CHANNEL_ENTRY_ROLES: readonly Role[] = [...STAFF_AREA_ROLES, ...FRONT_ROLES];

/**
 * The channels of Art. 26.1 that reach the commune off the web: paper forms, the hotline, the comment
 * box, through the Front, a village meeting, a dialogue conference. (Assisted entry, where an officer
 * writes for a resident in front of them, has its own form: lib/participation/enter-offline-votes.ts.)
 * Each is a value of the Channel enum: the opinion's create in enter-opinion.ts checks it.
 */
export { ENTRY_CHANNELS, type EntryChannel };

/** Staff and the Front enter for every village (null); a village head only for their own. */
export function channelVillageOf(access: CommuneAccess): string | null {
  if (access.roles.some((r) => STAFF_ROLES.includes(r) || FRONT_ROLES.includes(r))) return null;
  const head = access.memberships.find((m) => m.role === "VILLAGE_HEAD");
  if (!head?.villageId) throw forbidden();
  return head.villageId;
}

export function assertChannelVillage(access: CommuneAccess, villageId: string | null): void {
  const own = channelVillageOf(access);
  if (own !== null && own !== villageId) throw new AppError("notYourVillage", 403);
}

/** What public pages show for an opinion whose writer is not named: "Người dân (phiếu giấy)". */
export const UNNAMED_BY_CHANNEL: Record<EntryChannel, string> = {
  PAPER: "Người dân (phiếu giấy)",
  HOTLINE: "Người dân (đường dây nóng)",
  COMMENT_BOX: "Người dân (hòm thư góp ý)",
  FRONT: "Người dân (qua MTTQ)",
  MEETING: "Người dân (hội nghị thôn)",
  CONFERENCE: "Người dân (hội nghị đối thoại)",
};
