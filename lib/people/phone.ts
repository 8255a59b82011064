// Vietnamese phone numbers: residents type "0912 345 678", "+84 912345678" or "84912345678"; we keep
// one form, +84 followed by the nine digits after the leading zero.

const MOBILE = /^(3|5|7|8|9)\d{8}$/;

export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = digits.slice(3);
  else if (digits.startsWith("84") && digits.length === 11) digits = digits.slice(2);
  else if (digits.startsWith("0")) digits = digits.slice(1);
  else return null;
  return MOBILE.test(digits) ? `+84${digits}` : null;
}

/** "+84912345678" → "0912 345 678", for staff screens. */
export function formatPhone(phone: string): string {
  const local = `0${phone.replace(/^\+84/, "")}`;
  return `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}`;
}

export const isEmail = (input: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.trim());
