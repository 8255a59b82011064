// Vietnamese search ignores diacritics and case: "duong" finds "Đường", "DUONG" and "đường".
// NFD splits a letter from its tone and vowel marks; đ/Đ is a letter of its own and maps to d.

export function toSearchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Escapes % and _ so that user input is matched literally inside ILIKE / LIKE patterns. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
