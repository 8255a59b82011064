// leaflet-geoman extends the global `L`; the bundler gives Leaflet as a module, so publish it first.
import L from "leaflet";

(globalThis as unknown as { L: typeof L }).L = L;
