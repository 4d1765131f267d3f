import { domainSampleId, PROCEDURE_GROUPS, SERIES_DOMAINS, type DomainSample, type SeriesDomain } from "../../shared/domain/domain-sample.js";
import { hashString, seededRandom, type Random } from "../../shared/seeded-random.js";
import { WARD } from "../seed/ward-codes.js";

/**
 * Believable hourly figures for the city's other domains, with the rhythms of a day and a week:
 * offices open 7:30–17:00 on weekdays and Saturday mornings, rush hours at 7 and 17, schools
 * closed on Sundays, visitors to Yên Tử at weekends. Pure and deterministic: an hour's figures
 * come from a random sequence seeded by domain, ward and hour, so the same hour always reads the
 * same (a backend restarted mid-hour continues it), and `fraction` (how much of the hour has
 * passed) scales its counters while the hour fills up.
 */

const HOUR_MS = 3_600_000;
const CITY_OFFSET_H = 7;

interface CityClock {
  hour: number;
  /** 0 = Sunday … 6 = Saturday, in city time. */
  weekday: number;
}

function cityClock(hourStart: Date): CityClock {
  const local = new Date(hourStart.getTime() + CITY_OFFSET_H * HOUR_MS);
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

/** 0…1: how busy the one-stop offices are this hour. */
function officeLoad({ hour, weekday }: CityClock): number {
  if (weekday === 0) return 0;
  if (weekday === 6) return hour >= 8 && hour < 11 ? 0.45 : 0;
  if (hour < 7 || hour >= 17) return 0;
  // A morning peak around 9–10 and a smaller one after lunch; 11:30–13:30 is the lunch break.
  const curve = [0.35, 0.85, 1, 0.8, 0.3, 0.15, 0.55, 0.7, 0.6, 0.35];
  return curve[hour - 7] ?? 0;
}

/** 0…1: road traffic, with the two rush hours. */
function trafficLoad({ hour, weekday }: CityClock): number {
  const rush = Math.exp(-((hour - 7) ** 2) / 2) + Math.exp(-((hour - 17) ** 2) / 2.5);
  const day = hour >= 6 && hour < 22 ? 0.35 : 0.08;
  return Math.min(1, (weekday === 0 ? 0.8 : 1) * (day + 0.65 * rush));
}

/** How big a ward is for its public services, from 0.5 to 1.5; the central wards are busier. */
function wardWeight(wardCode: string): number {
  const central: readonly string[] = [WARD.quangTrung, WARD.trungVuong, WARD.thanhSon, WARD.yenThanh];
  const base = 0.5 + seededRandom(hashString(`weight:${wardCode}`))();
  return central.includes(wardCode) ? Math.min(1.5, base + 0.4) : base;
}

/** Uông Bí's thermal power plant and QL18 make these wards' air worse. */
const DUSTY_WARDS: readonly string[] = [WARD.trungVuong, WARD.quangTrung, WARD.phuongNam];
/** Yên Tử (in Thượng Yên Công) and Ba Vàng pagoda (Quang Trung) draw the visitors. */
const PILGRIM_WARDS: readonly string[] = [WARD.thuongYenCong, WARD.quangTrung];

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
const count = (value: number): number => Math.max(0, Math.round(value));
const noise = (random: Random, spread: number): number => 1 + (random() * 2 - 1) * spread;

/** Civil status (births, marriages, certified copies) is most of a ward's dossiers; land and building next. */
const GROUP_SHARES: Readonly<Record<(typeof PROCEDURE_GROUPS)[number], number>> = { civilStatus: 0.42, landConstruction: 0.23, business: 0.12, socialAffairs: 0.13, otherProcedures: 0.1 };

/** `received` dealt out over the procedure groups, each dossier to one group by its share: they add up. */
function splitByGroup(received: number, random: Random): Record<(typeof PROCEDURE_GROUPS)[number], number> {
  const out = Object.fromEntries(PROCEDURE_GROUPS.map((g) => [g, 0])) as Record<(typeof PROCEDURE_GROUPS)[number], number>;
  for (let i = 0; i < received; i++) {
    let pick = random();
    const group = PROCEDURE_GROUPS.find((g) => (pick -= GROUP_SHARES[g]) < 0) ?? "otherProcedures";
    out[group] += 1;
  }
  return out;
}

function metricsFor(domain: SeriesDomain, wardCode: string, clock: CityClock, fraction: number, random: Random): DomainSample["metrics"] {
  const weight = wardWeight(wardCode);
  const office = officeLoad(clock);
  const traffic = trafficLoad(clock);
  switch (domain) {
    case "public_services": {
      const received = count(14 * weight * office * noise(random, 0.3) * fraction);
      const finished = count(12 * weight * office * noise(random, 0.3) * fraction);
      // Usually 1–4 % late; one hour in twelve a backlog pushes it to 8–15 %.
      const lateRate = random() < 1 / 12 ? 0.08 + random() * 0.07 : 0.01 + random() * 0.03;
      const late = count(finished * lateRate);
      const online = count(received * (0.62 + random() * 0.2));
      return {
        received,
        inProgress: count(40 * weight * (0.6 + office * 0.4) * noise(random, 0.15)),
        onTime: finished - late,
        late,
        online,
        atCounter: received - online,
        ...splitByGroup(received, random),
      };
    }
    case "one_stop": {
      const waiting = count(24 * weight * office * noise(random, 0.45));
      return { waiting, served: count(10 * weight * office * noise(random, 0.25) * fraction), avgWaitMin: round(office === 0 ? 0 : 4 + waiting * 0.9 * noise(random, 0.2)) };
    }
    case "environment": {
      const dusty = DUSTY_WARDS.includes(wardCode) ? 1.45 : 1;
      const pm25 = round((14 + 26 * traffic) * dusty * noise(random, 0.25));
      return { pm25, aqi: count(pm25 * 2.1 * noise(random, 0.05)), noiseDb: round(42 + 30 * traffic * noise(random, 0.08)), waterLevelM: round(1.2 + 0.4 * Math.sin((clock.hour / 24) * 2 * Math.PI) + random() * 0.3, 2) };
    }
    case "traffic":
      return { incidents: count(traffic * weight * 0.9 * random() * fraction * 2 - 0.4), flowVehPerHour: count(1800 * traffic * weight * noise(random, 0.15)) };
    case "health":
      return { clinicVisits: count(30 * weight * (clock.weekday === 0 ? 0.3 : 1) * (clock.hour >= 7 && clock.hour < 17 ? 1 : 0.1) * noise(random, 0.3) * fraction), bedOccupancyPct: round(68 + 18 * weight * 0.5 * noise(random, 0.1)) };
    case "education": {
      const schoolHours = clock.weekday >= 1 && clock.weekday <= 5 && clock.hour >= 7 && clock.hour < 17;
      return { attendancePct: schoolHours ? round(Math.min(100, 93 + random() * 6)) : 0 };
    }
    case "tourism": {
      const pilgrims = PILGRIM_WARDS.includes(wardCode) ? 5 : 1;
      const weekend = clock.weekday === 0 || clock.weekday === 6 ? 2.5 : 1;
      const daylight = clock.hour >= 6 && clock.hour < 18 ? 1 : 0.05;
      return { visitors: count(40 * pilgrims * weekend * daylight * noise(random, 0.35) * fraction) };
    }
  }
}

/** Every domain's sample of every ward for the hour starting at `hourStart`, `fraction` of it passed (0…1]. */
export function domainSamplesForHour(wardCodes: readonly string[], hourStart: Date, fraction: number, updatedAt: Date): DomainSample[] {
  const hour = new Date(Math.floor(hourStart.getTime() / HOUR_MS) * HOUR_MS).toISOString();
  const clock = cityClock(new Date(hour));
  const part = Math.min(1, Math.max(0, fraction));
  const samples: DomainSample[] = [];
  for (const domain of SERIES_DOMAINS) {
    for (const wardCode of wardCodes) {
      const random = seededRandom(hashString(domainSampleId(domain, wardCode, hour)));
      const metrics = metricsFor(domain, wardCode, clock, part, random);
      // The union's members pair a domain with its own metrics; metricsFor returns that pairing.
      samples.push({ id: domainSampleId(domain, wardCode, hour), domain, wardCode, hour, updatedAt: updatedAt.toISOString(), metrics } as DomainSample);
    }
  }
  return samples;
}

/** The complete hours of the `hours` before the one holding `now`, oldest first: a new store's history. */
export function domainHistory(wardCodes: readonly string[], now: Date, hours: number): DomainSample[] {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const out: DomainSample[] = [];
  for (let h = hours; h >= 1; h--) out.push(...domainSamplesForHour(wardCodes, new Date(current - h * HOUR_MS), 1, now));
  return out;
}
