/** A yes/no question's options are agree, disagree, other in that order: shown in the reader's language. */
export function optionLabel(
  t: (key: "yesNo.agree" | "yesNo.disagree" | "yesNo.other") => string,
  kind: string,
  option: { position: number; label: string },
): string {
  if (kind !== "YES_NO_ABSTAIN") return option.label;
  return t((["yesNo.agree", "yesNo.disagree", "yesNo.other"] as const)[option.position] ?? "yesNo.other");
}
