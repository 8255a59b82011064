import { describe, expect, it } from "vitest";

import { clientAddress, parseTrustedProxies } from "./client-address";

describe("the client's address behind trusted proxies", () => {
  it("never believes the left-most X-Forwarded-For entry a client wrote itself", () => {
    // nginx ($proxy_add_x_forwarded_for) appended the address it saw, 203.0.113.7, after the forged one.
    expect(clientAddress("1.2.3.4, 203.0.113.7", parseTrustedProxies("1"))).toBe("203.0.113.7");
    // A client rotating forged entries still lands in its own bucket.
    expect(clientAddress("9.9.9.9, 203.0.113.7", parseTrustedProxies("1"))).toBe("203.0.113.7");
  });

  it("counts hops from the right: two proxies appended two entries", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", parseTrustedProxies("2"))).toBe("203.0.113.7");
    // Fewer entries than proxies (a misconfiguration): the furthest one there is.
    expect(clientAddress("203.0.113.7", parseTrustedProxies("3"))).toBe("203.0.113.7");
  });

  it("with ranges, takes the right-most address that is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 192.168.1.5, 10.1.2.3", trusted)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::9, fd00::1", trusted)).toBe("2001:db8::9");
    expect(clientAddress("::ffff:203.0.113.8, 10.0.0.1", trusted)).toBe("203.0.113.8");
    // Every hop trusted: the left-most, which a trusted proxy wrote.
    expect(clientAddress("10.0.0.5, 10.0.0.1", trusted)).toBe("10.0.0.5");
  });

  it("with no proxy, takes the entry Next.js wrote from the socket", () => {
    expect(clientAddress("127.0.0.1", parseTrustedProxies(undefined))).toBe("127.0.0.1");
    expect(clientAddress(null, parseTrustedProxies(""))).toBe("unknown");
  });

  it("puts anything that is not an address in one bucket, and refuses a bad setting", () => {
    expect(clientAddress("<script>", parseTrustedProxies("1"))).toBe("invalid");
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/bad prefix length/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an IP address/);
  });
});
