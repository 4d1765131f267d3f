import { z } from "zod";
import { BACKEND_PATHS } from "./backend.js";
import { SharedCameraIdSchema } from "../domain/shared-cameras.js";
import { CityIdSchema } from "../domain/province.js";

/**
 * A camera a city shared with an escalation, played at the province. The province console asks
 * its own backend (`/hls/cities/<city>/<camera>/…`, the operator's stream token as for any
 * stream), which fetches the same path from the city's backend (`/share/v1/hls/<camera>/…`),
 * authenticated as the province for that city. The province never reaches a city otherwise.
 *
 * Where the province reaches a city: the city says so in every uplink request (CITY_URL_HEADER,
 * its --public-url or else its own listening address). The province keeps the address last
 * announced over an authenticated link, in memory: a city that has not polled since the
 * province started cannot be played yet (its backend polls every second).
 */
export const SHARE_PATHS = {
  /** At the province, under /hls/ so the stream token, CORS and Origin rules of every stream apply. */
  province: `${BACKEND_PATHS.hls}/cities`,
  /** At the city: only the province's backend, with its share token. */
  city: "/share/v1/hls",
} as const;

export const CITY_URL_HEADER = "x-ioc-city-url";

/**
 * `Authorization: Province <expiry>.<mac>`: the expiry in Unix seconds, and the HMAC-SHA256 (hex) of
 * the city's link secret over SHARE_TOKEN_CONTEXT and that expiry. Made for each request and good
 * for SHARE_TOKEN_TTL_MS, so one seen on the wire is soon worth nothing.
 */
export const PROVINCE_AUTH_SCHEME = "Province";
export const SHARE_TOKEN_CONTEXT = "ioc-camera-share-v2";
export const SHARE_TOKEN_TTL_MS = 60_000;
/** How far the two centres' clocks may disagree and a credential still be taken. */
export const SHARE_TOKEN_CLOCK_SKEW_MS = 60_000;

/**
 * An address a city's backend announces: http(s), a host and maybe a port and base path, no
 * credentials, query or fragment. `?` and `#` are refused anywhere, even empty (`http://h/x?`):
 * the province appends the stream's path, which would otherwise land in a query and leave the
 * city free to make the province fetch any page of that host.
 */
export const CityUrlSchema = z
  .string()
  .max(300)
  .refine((value) => {
    if (/[?#\s\\]/.test(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.username === "" && url.password === "" && url.search === "" && url.hash === "";
    } catch {
      return false;
    }
  }, "a city's address is an http(s) URL without credentials, query or fragment");

/** One path segment below a camera: a playlist, a rendition or a segment (`index.m3u8`, `180p`, `seg-12.ts`). */
export const ShareSegmentSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\.(m3u8|ts|m4s|mp4))?$/, "a stream path segment is a short name");

/** The path below a camera: one or two segments (a rendition's playlist or segment), nothing else. */
export const SharePathSchema = z
  .string()
  .max(200)
  .transform((value) => value.split("/"))
  .pipe(z.array(ShareSegmentSchema).min(1).max(2));

export const ProvinceShareParamsSchema = z.object({ cityId: CityIdSchema, cameraId: SharedCameraIdSchema, "*": SharePathSchema });
export const CityShareParamsSchema = z.object({ cameraId: SharedCameraIdSchema, "*": SharePathSchema });

export const SHARE_LIMITS = {
  /** A playlist bigger than this is not a camera's. */
  playlistBytes: 256 * 1024,
  /** A two-second segment of the city's renditions is well under a megabyte; a live camera's at most a few. */
  segmentBytes: 16 * 1024 * 1024,
  /** The province's request to a city, headers and body. */
  timeoutMs: 10_000,
} as const;

/** Roles at the province that may open a city's shared camera: those handling its escalations. */
export const SHARED_CAMERA_ROLES = ["operator", "supervisor"] as const;

/** The province URL of a shared camera's playlist, as the province console opens it. */
export function sharedCameraPlaylistPath(cityId: string, cameraId: string): string {
  return `${SHARE_PATHS.province}/${encodeURIComponent(cityId)}/${encodeURIComponent(cameraId)}/index.m3u8`;
}

/**
 * Pure: a city's playlist made safe to serve at the province. Every URI in it must stay below the
 * camera (relative, one or two bounded segments), so segments are fetched through the proxy too;
 * a URI that is absolute or climbs out is refused with the line it was on.
 */
export function rewriteSharedPlaylist(body: string): { ok: true; value: string } | { ok: false; error: string } {
  const lines = body.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    const uris = line.startsWith("#") ? [...line.matchAll(/URI="([^"]*)"/g)].map((m) => m[1] ?? "") : line.trim() === "" ? [] : [line.trim()];
    for (const uri of uris) {
      const path = uri.split("?")[0] ?? "";
      if (!SharePathSchema.safeParse(path).success) return { ok: false, error: `the city's playlist points outside the camera: ${uri.slice(0, 120)}` };
    }
    // Query strings (a city's own tokens, blocking-reload hints) stay at the city.
    out.push(line.startsWith("#") ? line.replace(/URI="([^"?]*)\?[^"]*"/g, 'URI="$1"') : line.trim() === "" ? line : (line.trim().split("?")[0] ?? ""));
  }
  return { ok: true, value: out.join("\n") };
}
