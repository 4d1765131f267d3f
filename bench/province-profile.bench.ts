import { join } from "node:path";
import { spawnBackend, type BackendProcess } from "../scripts/lib/backend-process.js";
import { freePort } from "../scripts/lib/free-port.js";
import { CITY_PROFILE_LIMITS, CityProfileAnswerSchema, type CityProfile } from "../shared/protocol/city-profile.js";
import { CITY_AUTH_SCHEME, UPLINK_PATHS } from "../shared/protocol/province.js";
import { loadUongBiWards } from "../backend/seed/ward-geodata.js";
import { round, tempDir, type Benchmark } from "./harness.js";

const SECRET = "bench-uong-bi-secret-0123456789";
const QUIET = ["--demo", "--no-simulator", "--no-video", "--no-recording", "--quiet"];

/** The largest profile the province takes: as many wards as it takes, sharing the most points it takes (1,250 each). */
function largestProfile(shift: number): CityProfile {
  const points = Math.min(CITY_PROFILE_LIMITS.pointsPerWard, Math.floor(CITY_PROFILE_LIMITS.totalPoints / CITY_PROFILE_LIMITS.wards));
  return {
    name: "Uông Bí",
    wards: Array.from({ length: CITY_PROFILE_LIMITS.wards }, (_, w) => {
      const [cx, cy] = [106.5 + (w % 8) * 0.05, 20.9 + Math.floor(w / 8) * 0.05];
      const ring = Array.from({ length: points - 1 }, (_, i): [number, number] => {
        const a = (2 * Math.PI * i) / (points - 1);
        return [cx + 0.02 * Math.cos(a) + shift, cy + 0.02 * Math.sin(a)];
      });
      return { code: String(10000 + w), name: `P. ${w}`, fullName: `Phường ${w}`, nameAscii: `P ${w}`, kind: "ward" as const, boundary: { type: "Polygon" as const, coordinates: [[...ring, ring[0]!]] } };
    }),
  };
}

/** The wall time of one PUT of `profile`, from sending it to the province's answer (parsed and checked). */
async function put(url: string, profile: CityProfile): Promise<{ ms: number; written: number }> {
  const body = JSON.stringify(profile);
  const started = performance.now();
  const response = await fetch(new URL(UPLINK_PATHS.profile, url), { method: "PUT", headers: { authorization: `${CITY_AUTH_SCHEME} uong-bi:${SECRET}`, "content-type": "application/json" }, body });
  const answer = CityProfileAnswerSchema.parse(await response.json());
  const ms = performance.now() - started;
  if (!answer.ok) throw new Error(`The province refused the profile: ${answer.error.message}`);
  return { ms, written: answer.value.written };
}

/**
 * province.profile_max_first_ms: a province backend (SQLite) takes the largest city profile
 * (64 wards of 1,250 points, 80,000 points, ~3 MB of JSON) it has never seen: parse, check, 64 ward writes.
 * province.profile_max_resend_ms: the same profile again (nothing written: every ward compared).
 * province.profile_max_changed_ms: every ward moved (64 writes over 64 stored).
 * province.profile_uong_bi_first_ms / _resend_ms: Uông Bí's real 11 wards, first and again.
 */
export const provinceProfileBenchmark: Benchmark = {
  name: "province-profile",
  async run() {
    const dir = tempDir("province-profile");
    let province: BackendProcess | null = null;
    try {
      province = await spawnBackend({
        port: await freePort(),
        dataDir: join(dir, "province"),
        extraArgs: [...QUIET, "--role", "province", "--city", "uong-bi=Uông Bí"],
        env: { IOC_CITY_SECRET_UONG_BI: SECRET },
      });
      const uongBi: CityProfile = { name: "Uông Bí", wards: loadUongBiWards() };
      // One city: its real wards first, then the largest profile in their place.
      const realFirst = await put(province.url, uongBi);
      const realResend = await put(province.url, uongBi);
      const profile = largestProfile(0);
      const first = await put(province.url, profile);
      const resend = await put(province.url, profile);
      const changed = await put(province.url, largestProfile(0.001));
      if (realFirst.written !== uongBi.wards.length || realResend.written !== 0) throw new Error("The province did not write what Uông Bí's profile changed.");
      if (first.written !== CITY_PROFILE_LIMITS.wards || resend.written !== 0 || changed.written !== CITY_PROFILE_LIMITS.wards) throw new Error("The province did not write what the profile changed.");
      return {
        "province.profile_uong_bi_first_ms": { value: round(realFirst.ms), unit: "ms" },
        "province.profile_uong_bi_resend_ms": { value: round(realResend.ms), unit: "ms" },
        "province.profile_max_first_ms": { value: round(first.ms), unit: "ms" },
        "province.profile_max_resend_ms": { value: round(resend.ms), unit: "ms" },
        "province.profile_max_changed_ms": { value: round(changed.ms), unit: "ms" },
      };
    } finally {
      await province?.stop();
    }
  },
};
