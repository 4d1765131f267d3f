import { CITY_TIME_ZONE, formatCityDateTime, formatCityTime } from "../../../shared/time.js";

const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: CITY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in the city, "2026-11-25", whatever zone the PC is set to. */
export function cityDay(at: string | Date): string {
  return dayKey.format(typeof at === "string" ? new Date(at) : at);
}

/** Time only for today (what operators scan for); date and time for anything older. */
export function formatTimeOrDateTime(iso: string, today: string, locale: string): string {
  return cityDay(iso) === today ? formatCityTime(iso, locale) : formatCityDateTime(iso, locale);
}
