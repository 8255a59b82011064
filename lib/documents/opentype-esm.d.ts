// opentype.js ships its ES module build without types; @types/opentype.js describes the same API.
declare module "opentype.js/dist/opentype.mjs" {
  export * from "opentype.js";
}
