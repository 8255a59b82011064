import { describe, expect, it } from "vitest";

import { demoDataAllowed } from "./demo-data";

describe("demo data on npm start", () => {
  it("loads on the embedded database of a developer's machine", () => {
    expect(demoDataAllowed({ embedded: true, env: {} })).toBe(true);
  });

  it("never loads into a real DATABASE_URL unless asked with DEMO_DATA=1", () => {
    expect(demoDataAllowed({ embedded: false, env: {} })).toBe(false);
    expect(demoDataAllowed({ embedded: false, env: { DEMO_DATA: "0" } })).toBe(false);
    expect(demoDataAllowed({ embedded: false, env: { DEMO_DATA: "1" } })).toBe(true);
  });

  it("never loads with NODE_ENV=production, even with DEMO_DATA=1 or on the embedded database", () => {
    expect(demoDataAllowed({ embedded: true, env: { NODE_ENV: "production" } })).toBe(false);
    expect(demoDataAllowed({ embedded: false, env: { NODE_ENV: "production", DEMO_DATA: "1" } })).toBe(false);
  });
});
