import L from "leaflet";

// Leaflet's own marker images (a default marker, such as one leaflet-geoman draws before its icon is
// set) come from public/leaflet/, not from a path Leaflet guesses from its bundled stylesheet.
L.Icon.Default.imagePath = "/leaflet/";

/** An SVG pin as a div icon: no image files to fetch, any colour, crisp on every screen. */
export function pinIcon(color: string, label?: string): L.DivIcon {
  // The colour goes into HTML: only a hex colour is let through, whatever the data says.
  const fill = /^#[0-9a-f]{3,8}$/i.test(color) ? color : "#1d4ed8";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="40" viewBox="0 0 28 40" aria-hidden="true"><path d="M14 0C6.3 0 0 6.3 0 14c0 10.5 14 26 14 26s14-15.5 14-26C28 6.3 21.7 0 14 0z" fill="${fill}" stroke="#fff" stroke-width="2"/><circle cx="14" cy="14" r="5" fill="#fff"/></svg>`;
  return L.divIcon({
    html: svg,
    className: "",
    iconSize: [28, 40],
    iconAnchor: [14, 40],
    popupAnchor: [0, -36],
    ...(label ? { tooltipAnchor: [0, -30] } : {}),
  });
}

export const STATUS_COLORS: Record<string, string> = {
  PUBLISHED: "#0f766e",
  CLOSED: "#57534e",
  SUMMARISED: "#57534e",
  OUTCOME_PUBLISHED: "#1d4ed8",
  // Cases (lib/cases): overdue in red, resolved in green, others the default.
  OVERDUE: "#b91c1c",
  RESOLVED: "#15803d",
};

export const STANCE_COLORS: Record<string, string> = {
  SUPPORT: "#15803d",
  OPPOSE: "#b91c1c",
  OTHER: "#1d4ed8",
};
