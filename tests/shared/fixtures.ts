import { AlarmSchema, freshWorkflowFields, type Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";

export const LAN: Operator = { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" };
export const MINH: Operator = { id: "op-02", name: "Trần Văn Minh", role: "operator" };
export const HA_VIEWER: Operator = { id: "view-01", name: "Lê Thu Hà", role: "viewer" };

export function makeAlarm(patch: Partial<Alarm> = {}): Alarm {
  return {
    id: "alm-1",
    type: "fire_alarm_market",
    domain: "security",
    priority: "critical",
    state: "unacknowledged",
    source: { kind: "sensor", id: "sen-1" },
    cameraId: "cam-02",
    wardCode: "06808",
    location: [106.8, 21.1],
    place: "Chợ trung tâm Uông Bí",
    raisedAt: "2026-11-25T10:00:00.000Z",
    updatedAt: "2026-11-25T10:00:00.000Z",
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
    comments: [],
    ...freshWorkflowFields(),
    ...patch,
  };
}

/**
 * An alarm escalated to the province (by op-01 at its raising, each escalation patched as given),
 * read through the schema as a store hands it back, so what a patch leaves out takes its default.
 */
export function escalatedAlarm(escalations: ReadonlyArray<Record<string, unknown>>, patch: Partial<Alarm> = {}): Alarm {
  const alarm = makeAlarm(patch);
  return AlarmSchema.parse({
    ...alarm,
    escalations: escalations.map((e) => ({ at: alarm.raisedAt, operatorId: "op-01", operatorName: "Op", to: "province_ioc", reason: "r", ...e })),
  });
}

const currentHour = (now: Date): string => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();

/** A one-stop office's sample for the current hour: `waiting` people at the hour's end. */
export function oneStopNow(wardCode: string, waiting: number, now = new Date()): DomainSample {
  const hour = currentHour(now);
  return { id: domainSampleId("one_stop", wardCode, hour), domain: "one_stop", wardCode, hour, updatedAt: now.toISOString(), metrics: { waiting, served: 40, avgWaitMin: 35 } };
}

/** A ward's public services for the current hour: `received` dossiers (a multiple of 5), none late, spread evenly over the procedure groups. */
export function publicServicesNow(wardCode: string, received: number, now = new Date()): DomainSample {
  const hour = currentHour(now);
  const group = received / 5;
  return {
    id: domainSampleId("public_services", wardCode, hour),
    domain: "public_services",
    wardCode,
    hour,
    updatedAt: now.toISOString(),
    metrics: { received, inProgress: group, onTime: received - group, late: 0, online: received - group, atCounter: group, civilStatus: group, landConstruction: group, business: group, socialAffairs: group, otherProcedures: group },
  };
}
