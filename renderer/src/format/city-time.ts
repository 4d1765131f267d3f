import { CITY_TIME_ZONE, formatCityDateTime, formatCityTime } from "../../../shared/time.js";

const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: CITY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Intl formatting is slow next to a lookup, and every visible row asks again on each render. */
const dayOfTime = new Map<string, string>();
const MAX_REMEMBERED_DAYS = 5_000;

/** The calendar day in the city, "2026-11-25", whatever zone the PC is set to. */
export function cityDay(at: string | Date): string {
  if (typeof at !== "string") return dayKey.format(at);
  const known = dayOfTime.get(at);
  if (known !== undefined) return known;
  const day = dayKey.format(new Date(at));
  if (dayOfTime.size >= MAX_REMEMBERED_DAYS) dayOfTime.clear();
  dayOfTime.set(at, day);
  return day;
}

/** Time only for today (what operators scan for); date and time for anything older. */
export function formatTimeOrDateTime(iso: string, today: string, locale: string): string {
  return cityDay(iso) === today ? formatCityTime(iso, locale) : formatCityDateTime(iso, locale);
}
