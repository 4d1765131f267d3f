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
  /**
   * Points of all its wards together. Checking and comparing a profile holds the province's event
   * loop (every city's link and console waits) for a time that grows with its points: this keeps
   * the largest one a city may send to about a second of it.
   */
  totalPoints: 80_000,
  /** Bytes of one profile request: 80,000 points (about 40 bytes each as JSON) fit with room to spare. */
  bodyBytes: 5 * 1024 * 1024,
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
    .refine((wards) => new Set(wards.map((w) => w.code)).size === wards.length, { message: "two wards have the same code" })
    .refine((wards) => wards.reduce((sum, ward) => sum + pointCount(ward), 0) <= CITY_PROFILE_LIMITS.totalPoints, {
      message: `the wards' boundaries have at most ${CITY_PROFILE_LIMITS.totalPoints} points together`,
    }),
});
export type CityProfile = z.infer<typeof CityProfileSchema>;

/** What the province changed: counts only, so a resend that changes nothing says so. */
export const CityProfileAnswerSchema = resultSchema(z.object({ written: z.number().int().nonnegative(), removed: z.number().int().nonnegative() }));
export type CityProfileAnswer = z.infer<typeof CityProfileAnswerSchema>;
