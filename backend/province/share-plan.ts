import type { EscalatedRecord } from "./uplink-plan.js";
import type { ProvinceEscalation } from "../../shared/domain/province.js";
import { withinShareWindow } from "../../shared/domain/shared-cameras.js";

/** One camera shared by one escalation: `key` names the camera (at a city) or city/camera (at the province). */
export interface ShareEntry {
  key: string;
  escalatedAt: string;
}

/**
 * Pure: the cameras a city's alarm or incident shares with the province. The city's rule: an
 * escalation to the province that was not refused there, made within the share window, on an alarm
 * not yet resolved (an incident not yet closed). Resolving or closing ends every share it made at once.
 */
export function citySharesOf(subject: EscalatedRecord): ShareEntry[] {
  const ended = subject.kind === "alarm" ? subject.record.resolution !== null : subject.record.status === "closed";
  if (ended) return [];
  return subject.record.escalations.flatMap((e) => (e.to === "province_ioc" && e.delivery.state !== "refused" ? e.cameraIds.map((key) => ({ key, escalatedAt: e.at })) : []));
}

export const provinceShareKey = (cityId: string, cameraId: string): string => `${cityId}/${cameraId}`;

/** Pure: the cameras an escalation stored at the province shares (the city's rule applies again at the city). */
export function provinceSharesOf(escalation: ProvinceEscalation): ShareEntry[] {
  return escalation.cameraIds.map((cameraId) => ({ key: provinceShareKey(escalation.cityId, cameraId), escalatedAt: escalation.escalatedAt }));
}

/** The shares of every record, kept up to date from the store's commits; answers whether a key is shared now. */
export class ShareIndex {
  private readonly byRecord = new Map<string, ShareEntry[]>();

  set(recordId: string, entries: ShareEntry[]): void {
    if (entries.length === 0) this.byRecord.delete(recordId);
    else this.byRecord.set(recordId, entries);
  }

  isShared(key: string, now: number): boolean {
    for (const entries of this.byRecord.values()) for (const e of entries) if (e.key === key && withinShareWindow(e.escalatedAt, now)) return true;
    return false;
  }
}
