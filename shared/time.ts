/** The control room's time zone: every time the UI shows is in it, whatever the PC is set to. */
export const CITY_TIME_ZONE = "Asia/Ho_Chi_Minh";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, { timeZone: CITY_TIME_ZONE, hourCycle: "h23", ...options });
    cache.set(key, f);
  }
  return f;
}

/** "25/11/2026 22:41:07" in city time. */
export function formatCityDateTime(iso: string | Date, locale = "vi-VN"): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return formatter(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(d);
}

/** "22:41:07" in city time. */
export function formatCityTime(iso: string | Date, locale = "vi-VN"): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return formatter(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(d);
}

/**
 * A time axis' tick in city time, 24-hour: "14:00" within a day, "04/12 14:00" over a few days,
 * "04/12" over longer spans.
 */
export function formatCityTick(d: Date, spanMs: number, locale = "vi-VN"): string {
  if (spanMs <= 36 * 3_600_000) return formatter(locale, { hour: "2-digit", minute: "2-digit" }).format(d);
  if (spanMs <= 8 * 86_400_000) return formatter(locale, { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d);
  return formatter(locale, { day: "2-digit", month: "2-digit" }).format(d);
}
