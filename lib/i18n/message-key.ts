// Validation messages are catalogue keys, so the same schema speaks Vietnamese or English. A message
// that needs figures carries them: "periodTooShort|{"days":10,"min":30}".

export type MessageParams = Record<string, string | number>;

export const encodeMessage = (key: string, params?: MessageParams) =>
  params && Object.keys(params).length > 0 ? `${key}|${JSON.stringify(params)}` : key;

export function decodeMessage(message: string): { key: string; params: MessageParams } {
  const bar = message.indexOf("|");
  if (bar < 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as MessageParams };
  } catch {
    return { key: message.slice(0, bar), params: {} };
  }
}
