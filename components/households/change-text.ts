// One line for a change in the household's history, from its details (codes, names, villages).
type Details = Record<string, unknown>;

const str = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : Array.isArray(v) ? v.join(", ") : String(v));

export function changeText(details: unknown): string {
  const d = (details ?? {}) as Details;
  const parts: string[] = [];
  if (d.name) parts.push(str(d.name));
  if (d.names) parts.push(str(d.names));
  if (d.code && !d.from) parts.push(str(d.code));
  if (d.codes && Array.isArray(d.codes) && d.codes.length > 0) parts.push(str(d.codes));
  if (d.people && Array.isArray(d.people) && d.people.length > 0) parts.push(str(d.people));
  if ("from" in d || "to" in d || "into" in d) parts.push(`${str(d.from)} → ${str(d.to ?? d.into)}`);
  if ("before" in d || "after" in d) parts.push(`${str(d.before)} → ${str(d.after)}`);
  return parts.join(" · ");
}
