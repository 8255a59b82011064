import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { card } from "@/components/ui/styles";
import { vnDate } from "@/lib/calendar/working-days";
import type { BoardView } from "@/lib/inspection/board";

const dmy = (d: Date) => vnDate(d).split("-").reverse().join("/");

/** The board of the term: members with their villages, the floor on members, villages without one. */
export async function BoardMembers({ board, actions }: { board: BoardView | null; actions?: (member: BoardView["members"][number]) => ReactNode }) {
  const t = await getTranslations("inspection");
  return (
    <section className={`${card} space-y-2`} aria-labelledby="inspection-board">
      <h2 id="inspection-board" className="text-xl font-semibold">
        {t("board")}
      </h2>
      {!board ? (
        <p>{t("noBoard")}</p>
      ) : (
        <>
          <p>{t("term", { from: dmy(board.termStart), to: dmy(board.termEnd), ref: board.recognitionRef })}</p>
          <p>{t("memberCount", { count: board.members.length, min: board.minimum, article: board.article })}</p>
          <ul className="space-y-1" data-testid="board-members">
            {board.members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-3">
                <span>
                  <strong>{m.name}</strong> · {t(`position.${m.position}`)} · {m.village}
                </span>
                {actions ? actions(m) : null}
              </li>
            ))}
          </ul>
          {board.villagesWithout.length ? <p className="text-sm text-stone-700">{t("villagesWithout", { villages: board.villagesWithout.join(", ") })}</p> : null}
        </>
      )}
    </section>
  );
}
