// The channels of Art. 26.1 entered off the web, without imports: the entry island takes it from here.
export const ENTRY_CHANNELS = ["PAPER", "HOTLINE", "COMMENT_BOX", "FRONT", "MEETING", "CONFERENCE"] as const;
export type EntryChannel = (typeof ENTRY_CHANNELS)[number];

/** A catalogue message with its {placeholders} filled: the island formats without the ICU runtime. */
export const fillMessage = (message: string, params: Record<string, string | number> = {}) => message.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
