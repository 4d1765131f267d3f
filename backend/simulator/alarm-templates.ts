import type { AlarmDomain, AlarmPriority } from "../../shared/domain/alarm.js";
import type { AlarmType } from "../../shared/domain/alarm-type.js";
import type { SensorKind } from "../../shared/domain/sensor.js";
import type { CameraTag } from "../seed/camera-catalogue.js";
import { WARD } from "../seed/ward-codes.js";

/** Where an alarm of a type can happen. */
export type AnchorRule =
  | { from: "camera"; tags: readonly CameraTag[] | "any" }
  | { from: "sensor"; kinds: readonly SensorKind[]; nearCameraTags?: readonly CameraTag[] }
  | { from: "address"; wards: readonly string[] | "any"; street: boolean };

export interface AlarmTemplate {
  domain: AlarmDomain;
  sourceKind: "camera" | "sensor" | "citizen" | "system";
  /** Relative weights of the priorities this type usually gets. */
  priorities: Readonly<Record<AlarmPriority, number>>;
  anchor: AnchorRule;
  /** How often the simulator raises it, relative to the other types; 0 = only on purpose. */
  frequency: number;
}

/** Low-lying wards along the Uông river and the coast, where heavy rain floods streets. */
const FLOOD_PRONE_WARDS = [WARD.yenThanh, WARD.phuongNam, WARD.trungVuong, WARD.quangTrung, WARD.dienCong, WARD.namKhe];

export const ALARM_TEMPLATES: Readonly<Record<AlarmType, AlarmTemplate>> = {
  intrusion_school_night: {
    domain: "education",
    sourceKind: "camera",
    priorities: { critical: 0, high: 6, medium: 3, low: 0 },
    anchor: { from: "camera", tags: ["school"] },
    frequency: 4,
  },
  river_water_level: {
    domain: "environment",
    sourceKind: "sensor",
    priorities: { critical: 2, high: 5, medium: 3, low: 0 },
    anchor: { from: "sensor", kinds: ["water_level"] },
    frequency: 6,
  },
  air_quality_power_plant: {
    domain: "environment",
    sourceKind: "sensor",
    priorities: { critical: 1, high: 4, medium: 5, low: 1 },
    anchor: { from: "sensor", kinds: ["air_quality"], nearCameraTags: ["power_plant"] },
    frequency: 8,
  },
  traffic_crash_ql18: {
    domain: "traffic",
    sourceKind: "camera",
    priorities: { critical: 4, high: 5, medium: 1, low: 0 },
    anchor: { from: "camera", tags: ["ql18"] },
    frequency: 8,
  },
  fire_alarm_market: {
    domain: "security",
    sourceKind: "system",
    priorities: { critical: 8, high: 2, medium: 0, low: 0 },
    anchor: { from: "camera", tags: ["market"] },
    frequency: 2,
  },
  citizen_report: {
    domain: "e_government",
    sourceKind: "citizen",
    priorities: { critical: 0, high: 1, medium: 4, low: 6 },
    anchor: { from: "address", wards: "any", street: false },
    frequency: 12,
  },
  camera_offline: {
    domain: "security",
    sourceKind: "camera",
    priorities: { critical: 0, high: 1, medium: 6, low: 3 },
    anchor: { from: "camera", tags: "any" },
    // Raised when a camera really goes offline (see camera outages), not at random.
    frequency: 0,
  },
  sensor_fault: {
    domain: "environment",
    sourceKind: "sensor",
    priorities: { critical: 0, high: 0, medium: 3, low: 7 },
    anchor: { from: "sensor", kinds: ["air_quality", "water_level", "traffic_count", "noise", "rainfall"] },
    frequency: 4,
  },
  crowd_density_pagoda: {
    domain: "tourism",
    sourceKind: "camera",
    priorities: { critical: 0, high: 3, medium: 6, low: 2 },
    anchor: { from: "camera", tags: ["pagoda", "tourism"] },
    frequency: 6,
  },
  illegal_construction: {
    domain: "urban_planning",
    sourceKind: "camera",
    priorities: { critical: 0, high: 1, medium: 5, low: 5 },
    anchor: { from: "camera", tags: ["construction", "street"] },
    frequency: 5,
  },
  flooding_street: {
    domain: "environment",
    sourceKind: "citizen",
    priorities: { critical: 1, high: 5, medium: 4, low: 0 },
    anchor: { from: "address", wards: FLOOD_PRONE_WARDS, street: true },
    frequency: 5,
  },
  ambulance_request: {
    domain: "health",
    sourceKind: "citizen",
    priorities: { critical: 6, high: 4, medium: 0, low: 0 },
    anchor: { from: "address", wards: "any", street: false },
    frequency: 6,
  },
  // Raised only when a ward's figures cross a threshold (the simulator's domain series), never at random.
  one_stop_queue_long: {
    domain: "e_government",
    sourceKind: "system",
    priorities: { critical: 0, high: 0, medium: 1, low: 0 },
    anchor: { from: "address", wards: "any", street: false },
    frequency: 0,
  },
  dossiers_late: {
    domain: "e_government",
    sourceKind: "system",
    priorities: { critical: 0, high: 0, medium: 0, low: 1 },
    anchor: { from: "address", wards: "any", street: false },
    frequency: 0,
  },
  pm25_over_limit: {
    domain: "environment",
    sourceKind: "system",
    priorities: { critical: 0, high: 1, medium: 0, low: 0 },
    anchor: { from: "address", wards: "any", street: false },
    frequency: 0,
  },
};

/** Streets of Uông Bí used in addresses. */
export const STREET_NAMES: readonly string[] = [
  "Quang Trung",
  "Trần Nhân Tông",
  "Nguyễn Văn Cừ",
  "Trần Hưng Đạo",
  "Lê Lợi",
  "Tuệ Tĩnh",
  "Phan Bội Châu",
  "Hoàng Hoa Thám",
  "Bạch Đằng",
  "Lê Thánh Tông",
];
