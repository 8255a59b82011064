"use client";

import { useSyncExternalStore } from "react";

import { LARGE_TEXT_KEY } from "@/lib/read-aloud/text-size";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener("danban-text-size", onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener("danban-text-size", onChange);
  };
}
const isLarge = () => document.documentElement.dataset.textSize === "large";

/**
 * Large text that stays on: the choice is kept on the phone (localStorage) and applied before the page
 * paints by the script in the root layout, so public pages stay static and nothing flickers.
 */
export function TextSizeSwitch({ label }: { label: string }) {
  const large = useSyncExternalStore(subscribe, isLarge, () => false);
  function toggle() {
    const next = !isLarge();
    if (next) document.documentElement.dataset.textSize = "large";
    else delete document.documentElement.dataset.textSize;
    try {
      if (next) localStorage.setItem(LARGE_TEXT_KEY, "large");
      else localStorage.removeItem(LARGE_TEXT_KEY);
    } catch {
      // Private mode: the choice holds for this page only.
    }
    window.dispatchEvent(new Event("danban-text-size"));
  }
  return (
    <button type="button" aria-pressed={large} onClick={toggle} className="min-h-11 rounded px-2 py-1 text-sm font-medium text-white underline-offset-2 hover:underline aria-pressed:bg-brand-900">
      <span aria-hidden="true">A+ </span>
      {label}
    </button>
  );
}
