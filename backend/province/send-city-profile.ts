import type { Logger } from "pino";
import { WardSchema } from "../../shared/domain/ward.js";
import { CITY_PROFILE_LIMITS, CityProfileAnswerSchema, type CityProfile, type CityProfileWard } from "../../shared/protocol/city-profile.js";
import { UPLINK_PATHS } from "../../shared/protocol/province.js";
import { describeZodError } from "../../shared/result.js";
import type { BackendStore } from "../store/backend-store.js";

const REQUEST_TIMEOUT_MS = 20_000;

/** The city's profile from its own store: its wards, in code order (a ward the store holds malformed is left out). */
export async function cityProfileFromStore(store: BackendStore, name: string): Promise<CityProfile> {
  const wards: CityProfileWard[] = [];
  for (const data of await store.listEntities("ward")) {
    // A city's own wards carry no city: the province tags them with the city that sent them.
    const parsed = WardSchema.omit({ cityId: true }).safeParse(data);
    if (parsed.success) wards.push(parsed.data);
  }
  wards.sort((a, b) => a.code.localeCompare(b.code));
  return { name, wards };
}

export type ProfileSendOutcome = { kind: "sent"; written: number; removed: number } | { kind: "refused"; message: string } | { kind: "unreachable"; message: string };

/**
 * Sends the city's profile up. Refused (malformed, or too large) is final until the city changes
 * its wards; unreachable is tried again when the link comes back.
 */
export async function sendCityProfile(options: { provinceUrl: string; headers: Record<string, string>; profile: CityProfile; logger: Logger }): Promise<ProfileSendOutcome> {
  const { profile, logger } = options;
  if (profile.wards.length > CITY_PROFILE_LIMITS.wards) logger.warn({ wards: profile.wards.length, max: CITY_PROFILE_LIMITS.wards }, "city uplink: more wards than the province takes; it will refuse the profile");
  let outcome: ProfileSendOutcome;
  try {
    const response = await fetch(new URL(UPLINK_PATHS.profile, options.provinceUrl), {
      method: "PUT",
      headers: options.headers,
      body: JSON.stringify(profile),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const parsed = CityProfileAnswerSchema.safeParse(await response.json());
    if (!parsed.success) outcome = { kind: "refused", message: `the province answered ${response.status} with something else than a profile answer: ${describeZodError(parsed.error)}` };
    else if (!parsed.data.ok) outcome = { kind: "refused", message: parsed.data.error.message };
    else outcome = { kind: "sent", ...parsed.data.value };
  } catch (error) {
    outcome = { kind: "unreachable", message: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.kind === "refused") logger.warn({ province: options.provinceUrl, problem: outcome.message }, "city uplink: the province refused this city's profile (its wards)");
  else if (outcome.kind === "sent") logger.info({ wards: profile.wards.length, written: outcome.written, removed: outcome.removed }, "city uplink: profile sent to the province");
  return outcome;
}
