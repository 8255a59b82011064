"use client";

// The case map loads after the list, and only once it is scrolled near (the list is the page; the map
// is an extra for those who look at it).
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

import type { CasePinsMapProps } from "./case-pins-map";

const placeholder = () => <div className="h-80 w-full animate-pulse rounded-xl border border-stone-300 bg-stone-200 sm:h-[28rem]" aria-hidden="true" />;
const CasePinsMap = dynamic(() => import("./case-pins-map"), { ssr: false, loading: placeholder });

export function LazyCaseMap(props: CasePinsMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") return setNear(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true);
        observer.disconnect();
      }
    }, { rootMargin: "400px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={box}>{near ? <CasePinsMap {...props} /> : placeholder()}</div>;
}
