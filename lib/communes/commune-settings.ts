// A commune's settings (lib/settings.ts), read from its row: for rules that a server action applies.
import { db, type Tx } from "@/lib/db";
import { type CommuneSettings, readSettings } from "@/lib/settings";

export async function loadCommuneSettings(communeId: string, client: Tx | typeof db = db): Promise<CommuneSettings> {
  const commune = await client.commune.findUniqueOrThrow({ where: { id: communeId }, select: { settings: true } });
  return readSettings(commune.settings);
}
