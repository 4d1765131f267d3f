import type { FastifyInstance, FastifyRequest } from "fastify";
import { wardRecordId, WardSchema, type Ward } from "../../shared/domain/ward.js";
import { CITY_PROFILE_LIMITS, CityProfileAnswerSchema, CityProfileSchema, type CityProfile } from "../../shared/protocol/city-profile.js";
import { UPLINK_PATHS, type ProvinceCity } from "../../shared/protocol/province.js";
import { parseWith } from "../../shared/result.js";
import { sendError, sendValidated } from "../http/respond.js";
import type { AuditEntry, BackendStore, EntityWrite, StoredEntity } from "../store/backend-store.js";
import { cityActorId } from "./receive-escalation.js";

/**
 * Pure: the writes that make the province's copy of a city's wards what the city says: each ward
 * tagged with the city and written only when it differs from the stored one; wards of that city
 * the profile no longer has are removed. `stored` holds the province's current wards of the city.
 */
export function planCityWards(cityId: string, profile: CityProfile, stored: ReadonlyMap<string, unknown>): EntityWrite[] {
  const writes: EntityWrite[] = [];
  const kept = new Set<string>();
  for (const ward of profile.wards) {
    const tagged: Ward = { ...ward, cityId };
    const id = wardRecordId(tagged);
    kept.add(id);
    const existing = stored.get(id);
    if (existing !== undefined && sameJson(existing, tagged)) continue;
    writes.push({ entity: "ward", op: "upsert", id, data: tagged });
  }
  for (const id of stored.keys()) if (!kept.has(id)) writes.push({ entity: "ward", op: "delete", id });
  return writes;
}

/**
 * Key order aside (a store may hand JSON back reordered), the same JSON value. Walks both at once
 * without copying: a ward's boundary holds up to 5,000 points.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  for (const key of keysA) if (!Object.hasOwn(recordB, key) || !sameJson(recordA[key], recordB[key])) return false;
  return true;
}

/** Which city a stored ward belongs to, read without checking its boundary again (the province wrote it checked). */
const WardTagSchema = WardSchema.pick({ code: true, cityId: true });

/** The province's ward ids that belong to a city: those it tagged with it. */
async function cityWardIds(store: BackendStore, cityId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const data of await store.listEntities("ward")) {
    const ward = WardTagSchema.safeParse(data);
    if (ward.success && ward.data.cityId === cityId) ids.push(wardRecordId(ward.data));
  }
  return ids;
}

export async function applyCityProfile(store: BackendStore, city: ProvinceCity, profile: CityProfile): Promise<{ written: number; removed: number }> {
  const at = new Date().toISOString();
  const ids = [...new Set([...(await cityWardIds(store, city.id)), ...profile.wards.map((w) => wardRecordId({ code: w.code, cityId: city.id }))])];
  let counts = { written: 0, removed: 0 };
  await store.transactAudited(
    ids.map((id) => ({ kind: "ward" as const, id })),
    (entities) => {
      const stored = new Map<string, unknown>();
      entities.forEach((entity: StoredEntity | null, i) => {
        const id = ids[i];
        if (entity === null || id === undefined) return;
        const ward = WardTagSchema.safeParse(entity.data);
        // Only the city's own wards: a ward of the province without a city is never touched.
        if (ward.success && ward.data.cityId === city.id) stored.set(id, entity.data);
      });
      const writes = planCityWards(city.id, profile, stored);
      const removed = writes.filter((w) => w.op === "delete").length;
      counts = { written: writes.length - removed, removed };
      const audit: AuditEntry[] =
        writes.length === 0
          ? []
          : [{ at, operatorId: cityActorId(city.id), action: "city_profile_received", targetKind: "ward", targetId: null, outcome: "applied", detail: { cityName: profile.name, wards: profile.wards.length, ...counts } }];
      return { writes, audit };
    },
  );
  return counts;
}

/** `PUT profile`: the city (already verified by the uplink's onRequest hook) replaces its wards at the province. */
export function registerCityProfileRoute(app: FastifyInstance, store: BackendStore, cityOf: (request: FastifyRequest) => ProvinceCity): void {
  app.put(UPLINK_PATHS.profile, { bodyLimit: CITY_PROFILE_LIMITS.bodyBytes }, async (request, reply) => {
    const city = cityOf(request);
    const profile = parseWith(CityProfileSchema, request.body, "city profile");
    if (!profile.ok) {
      request.log.warn({ city: city.id, problem: profile.error.message }, "city profile refused");
      return sendError(reply, profile.error);
    }
    const counts = await applyCityProfile(store, city, profile.value);
    return sendValidated(reply, CityProfileAnswerSchema, { ok: true, value: counts });
  });
}
