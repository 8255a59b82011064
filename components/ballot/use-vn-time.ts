"use client";

import { useFormatter } from "next-intl";

/** "09:14" and "03/12/2026" in the configured time zone (Vietnam), as on a paper record. */
export function useVnTime() {
  const format = useFormatter();
  return {
    time: (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    date: (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric" }),
  };
}
