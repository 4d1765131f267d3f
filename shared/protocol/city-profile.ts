import { z } from "zod";
import { WardSchema, type Ward } from "../domain/ward.js";
import { LIMITS } from "../limits.js";
import { resultSchema } from "../result.js";

/**
 * A city's geography as it tells the province (`PUT /uplink/v1/profile`): its name and its wards,
 * sent whole each time its uplink (re)starts. The province keeps them as its own ward records,
 * tagged with the city, so its consoles draw every city on one map.
 */
export const CITY_PROFILE_LIMITS = {
  /** Wards one city may have (Uông Bí has 11; Quảng Ninh's largest city has fewer than 40). */
  wards: 64,
  /** Points of one ward's boundary, all rings together. */
  pointsPerWard: 5_000,
  /** Bytes of one profile request: 64 wards of 5,000 points fit with room to spare. */
  bodyBytes: 16 * 1024 * 1024,
} as const;

const pointCount = (ward: Pick<Ward, "boundary">): number => ward.boundary.coordinates.reduce((sum, ring) => sum + ring.length, 0);

/** A ward as a city sends it: the shared ward, untagged (the province tags it with the city that sent it). */
export const CityProfileWardSchema = WardSchema.omit({ cityId: true }).refine((ward) => pointCount(ward) <= CITY_PROFILE_LIMITS.pointsPerWard, {
  message: `a ward's boundary has at most ${CITY_PROFILE_LIMITS.pointsPerWard} points`,
  path: ["boundary"],
});
export type CityProfileWard = z.infer<typeof CityProfileWardSchema>;

export const CityProfileSchema = z.object({
  name: z.string().trim().min(1).max(LIMITS.nameChars),
  wards: z
    .array(CityProfileWardSchema)
    .max(CITY_PROFILE_LIMITS.wards)
    .refine((wards) => new Set(wards.map((w) => w.code)).size === wards.length, { message: "two wards have the same code" }),
});
export type CityProfile = z.infer<typeof CityProfileSchema>;

/** What the province changed: counts only, so a resend that changes nothing says so. */
export const CityProfileAnswerSchema = resultSchema(z.object({ written: z.number().int().nonnegative(), removed: z.number().int().nonnegative() }));
export type CityProfileAnswer = z.infer<typeof CityProfileAnswerSchema>;
