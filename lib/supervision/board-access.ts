// The board a caller acts on: in the caller's commune (another commune's board is "not found"), with
// the caller sitting on it, and still active (a dissolved board is read-only).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { type db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";

export async function loadBoard(client: Tx | typeof db, communeId: string, boardId: string) {
  const board = await client.supervisionBoard.findFirst({
    where: { id: boardId, communeId },
    select: { id: true, communeId: true, workId: true, dissolvedAt: true, work: { select: { title: true, status: true } } },
  });
  if (!board) throw notFound("supervisionBoardNotFound");
  return board;
}

export const assertActive = (board: { dissolvedAt: Date | null }) => {
  // Law 10/2022 Art. 41: the board dissolves when the work is accepted; what it recorded stays, read-only.
  if (board.dissolvedAt) throw conflict("supervisionDissolved");
};

export async function isMember(client: Tx | typeof db, boardId: string, userId: string) {
  return (await client.supervisionMember.count({ where: { boardId, userId } })) > 0;
}

/** The caller sits on the board, which is active; else 404 / 403 / 409. */
export async function requireActiveMember(client: Tx | typeof db, access: CommuneAccess, boardId: string) {
  const board = await loadBoard(client, access.communeId, boardId);
  if (!(await isMember(client, board.id, access.userId))) throw new AppError("supervisionNotAMember", 403);
  assertActive(board);
  return board;
}
