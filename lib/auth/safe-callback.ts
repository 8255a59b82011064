/**
 * Where to go after signing in (or out): only a path on this site. A `callbackUrl` comes from the
 * address bar, so an attacker writes it; a prefix check (`startsWith("/")`) lets through values a
 * browser resolves to another host: `//evil.com`, `/\evil.com` (browsers read `\` as `/`), and
 * encoded forms that a later decoding turns into those (`/%5Cevil.com`, `/%09/evil.com`, `/%2F/evil.com`).
 *
 * So the value is parsed as a URL against this site's origin; anything that lands on another origin is
 * refused, and what is kept is re-serialised from the parsed path, query and fragment (never the raw
 * text). The path is refused too when its decoded form would start a second authority (`//`, `/\`) or
 * carries control characters: nothing this site links to looks like that.
 */
const FALLBACK = "/";
const ORIGIN_FOR_PARSING = "http://same-origin.invalid";
const CONTROL = /[\u0000-\u001f\u007f]/;

function decodeFully(value: string): string | null {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * `value` as a same-origin path ("/thien-tin/account?x=1#y"), or "/" when it is anything else.
 * `origin` is this site's origin when known (the next-auth callback passes it), so that an absolute
 * URL on this very site is accepted as its path.
 */
export function safeCallbackPath(value: string | null | undefined, origin: string = ORIGIN_FOR_PARSING): string {
  if (!value || value.length > 2000 || CONTROL.test(value) || value.includes("\\")) return FALLBACK;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== base.origin) return FALLBACK;
  // A relative value ("account") would resolve against whatever page the browser is on; only paths.
  if (!value.startsWith("/") && !value.startsWith(base.origin)) return FALLBACK;
  const decoded = decodeFully(url.pathname);
  if (decoded === null || CONTROL.test(decoded) || /^[/\\]{2}/.test(decoded) || decoded.includes("\\")) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
