/** Text messages are sent without diacritics, as the commune's other texts are: one SMS part, any phone. */
export const plainText = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
