// The participants × opinions vote matrix: agree +1, disagree −1, no reaction 0, kept sparse (row by
// row, only the reactions) since a participant reacts to a few dozen of hundreds of opinions. Only
// participants who reacted often enough and opinions at least two of them reacted to take part: a
// single reaction says nothing about who thinks alike. Rows and columns are ordered by id, so the
// matrix (and everything computed from it) does not depend on the order reactions arrive in.

export type ReactionInput = { participantId: string; opinionId: string; kind: "AGREE" | "DISAGREE" };

export type VoteMatrix = {
  participants: string[];
  opinions: string[];
  /** Per participant: the columns reacted to, ascending, and the vote (+1 or −1) on each. */
  columns: Int32Array[];
  values: Int8Array[];
  reactionsCounted: number;
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The last reaction of each participant to each opinion (a changed mind replaces the first). */
export function latestReactions(reactions: ReactionInput[]): Map<string, Map<string, 1 | -1>> {
  const byParticipant = new Map<string, Map<string, 1 | -1>>();
  for (const r of reactions) {
    let votes = byParticipant.get(r.participantId);
    if (!votes) byParticipant.set(r.participantId, (votes = new Map()));
    votes.set(r.opinionId, r.kind === "AGREE" ? 1 : -1);
  }
  return byParticipant;
}

export function buildVoteMatrix(votes: Map<string, Map<string, 1 | -1>>, minVotesPerParticipant: number): VoteMatrix {
  const participants = [...votes.keys()].filter((p) => votes.get(p)!.size >= minVotesPerParticipant).sort(byId);
  const reach = new Map<string, number>();
  for (const p of participants) for (const o of votes.get(p)!.keys()) reach.set(o, (reach.get(o) ?? 0) + 1);
  const opinions = [...reach.keys()].filter((o) => reach.get(o)! >= 2).sort(byId);
  const column = new Map(opinions.map((o, i) => [o, i]));

  let reactionsCounted = 0;
  const columns: Int32Array[] = [];
  const values: Int8Array[] = [];
  for (const p of participants) {
    const entries: [number, number][] = [];
    for (const [o, v] of votes.get(p)!) {
      const c = column.get(o);
      if (c !== undefined) entries.push([c, v]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    columns.push(Int32Array.from(entries, (e) => e[0]));
    values.push(Int8Array.from(entries, (e) => e[1]));
    reactionsCounted += entries.length;
  }
  return { participants, opinions, columns, values, reactionsCounted };
}
