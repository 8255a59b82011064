// Whether `npm start` may load the demo communes into an empty database. The demo carries accounts
// whose passwords are printed in the README: on a real database they would be a way in for anyone.
// So: only on the embedded database (a developer's or a trial machine) or when asked with DEMO_DATA=1,
// and never when NODE_ENV=production, whatever else is set.
export function demoDataAllowed(input: { embedded: boolean; env: Record<string, string | undefined> }): boolean {
  if (input.env.NODE_ENV === "production") return false;
  if (input.env.DEMO_DATA === "1" || input.env.DEMO_DATA === "true") return true;
  return input.embedded;
}
