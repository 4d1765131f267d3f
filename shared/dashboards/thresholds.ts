import type { AlarmType } from "../domain/alarm-type.js";
import type { DomainSample } from "../domain/domain-sample.js";
import { lateShare } from "./aggregate.js";

/**
 * When a domain's figure needs an operator: the city's service targets and the national air
 * limit. One ward's sample crossing a threshold raises one alarm, through the ordinary queue.
 */
export const DOMAIN_THRESHOLDS = {
  /** People waiting at one ward's one-stop office. */
  oneStopWaiting: 30,
  /** Late dossiers, in percent of those finished in the hour… */
  lateDossierPercent: 5,
  /** …counted only once enough were finished for a share to mean something. */
  lateDossierMinFinished: 20,
  /** PM2.5, µg/m³: the 24-hour limit of QCVN 05:2023/BTNMT. */
  pm25: 50,
} as const;

/** The alarm types a sample's figures call for (none when all are within bounds). Pure. */
export function thresholdBreaches(sample: DomainSample): AlarmType[] {
  switch (sample.domain) {
    case "one_stop":
      return sample.metrics.waiting > DOMAIN_THRESHOLDS.oneStopWaiting ? ["one_stop_queue_long"] : [];
    case "public_services": {
      const { onTime, late } = sample.metrics;
      return onTime + late >= DOMAIN_THRESHOLDS.lateDossierMinFinished && lateShare(onTime, late) > DOMAIN_THRESHOLDS.lateDossierPercent ? ["dossiers_late"] : [];
    }
    case "environment":
      return sample.metrics.pm25 > DOMAIN_THRESHOLDS.pm25 ? ["pm25_over_limit"] : [];
    case "traffic":
    case "health":
    case "education":
    case "tourism":
      return [];
  }
}

/** A breach is one alarm type in one ward: raised when it starts, forgotten when the figure is back. */
export function breachKey(type: AlarmType, wardCode: string): string {
  return `${type}:${wardCode}`;
}

/**
 * Which breaches are new given those already raised (`active`), and the active set afterwards.
 * Only wards and domains present in `samples` are re-evaluated; the others keep their state.
 */
export function newBreaches(samples: readonly DomainSample[], active: ReadonlySet<string>): { raise: Array<{ type: AlarmType; wardCode: string }>; active: Set<string> } {
  const next = new Set(active);
  const raise: Array<{ type: AlarmType; wardCode: string }> = [];
  for (const sample of samples) {
    const breached = new Set(thresholdBreaches(sample));
    for (const type of DOMAIN_ALARM_TYPES[sample.domain]) {
      const key = breachKey(type, sample.wardCode);
      if (breached.has(type)) {
        if (!next.has(key)) raise.push({ type, wardCode: sample.wardCode });
        next.add(key);
      } else {
        next.delete(key);
      }
    }
  }
  return { raise, active: next };
}

const DOMAIN_ALARM_TYPES: Readonly<Record<DomainSample["domain"], readonly AlarmType[]>> = {
  one_stop: ["one_stop_queue_long"],
  public_services: ["dossiers_late"],
  environment: ["pm25_over_limit"],
  traffic: [],
  health: [],
  education: [],
  tourism: [],
};
