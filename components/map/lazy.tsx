"use client";

// Map code loads only where a map is shown, after the page: the rest of the site stays light on slow
// connections, and the text alternative beside each map is there before it.
import dynamic from "next/dynamic";

const placeholder = () => (
  <div className="h-80 w-full animate-pulse rounded-xl border border-stone-300 bg-stone-200 sm:h-[28rem]" aria-hidden="true" />
);

export const LazyMarkersMap = dynamic(() => import("./markers-map"), { ssr: false, loading: placeholder });
export const LazyGeometryMap = dynamic(() => import("./geometry-map"), { ssr: false, loading: placeholder });
export const LazyEditorMap = dynamic(() => import("./editor-map"), { ssr: false, loading: placeholder });
