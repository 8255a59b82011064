// The address a request came from, for the per-address rate limits. X-Forwarded-For is a list each
// proxy appends to: its left-most entries are whatever the client sent, so they are never believed.
// TRUSTED_PROXIES says which hops are ours: a count ("1": one reverse proxy, which appends the address
// it saw) or a list of addresses and CIDR ranges ("10.0.0.0/8,192.168.1.5"), in which case the list is
// read from the right and the first address not in it is the client (the right-most untrusted hop).
//
// Next.js fills X-Forwarded-For with the socket's address only when the request has none, so an app
// reached directly (no proxy) cannot tell a client's own header from its address: in production the
// app listens on 127.0.0.1 behind the reverse proxy (README, "A real deployment").
import { BlockList, isIP } from "node:net";

export type TrustedProxies = { count: number } | { ranges: BlockList };

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (!text) return { count: 0 };
  if (/^\d+$/.test(text)) return { count: Number(text) };
  const ranges = new BlockList();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [address, bits] = part.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`"${part}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) ranges.addAddress(address!, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 6 ? 128 : 32)) throw new Error(`"${part}" has a bad prefix length`);
      ranges.addSubnet(address!, prefix, type);
    }
  }
  return { ranges };
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[2001:db8::1]:443" and "10.0.0.1:5000" lose the port. */
function normalise(entry: string): string {
  let e = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(e);
  if (bracketed) e = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(e)) e = e.slice(0, e.lastIndexOf(":"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(e)) e = e.slice(7);
  return e;
}

function isTrusted(address: string, ranges: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && ranges.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address from an X-Forwarded-For value, or "unknown" when there is none. */
export function clientAddress(forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  const hops = (forwardedFor ?? "").split(",").map(normalise).filter(Boolean);
  if (hops.length === 0) return "unknown";
  let client: string;
  if ("count" in trusted) {
    // Each trusted proxy appended one entry, the nearest one last; with none, the entry Next.js wrote.
    client = hops[Math.max(0, hops.length - Math.max(trusted.count, 1))]!;
  } else {
    const untrusted = hops.findLast((hop) => !isTrusted(hop, trusted.ranges));
    client = untrusted ?? hops[0]!;
  }
  // A key for the rate limiter, not something to echo: anything that is not an address counts as one bucket.
  return isIP(client) ? client : "invalid";
}
