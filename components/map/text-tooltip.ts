// Leaflet treats a string given to bindTooltip/bindPopup as HTML. Names and labels come from people
// (staff drawing a plan, an imported GeoJSON file), so they are handed to Leaflet as a text node.
export function textElement(text: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}
