import type { Operator } from "../../shared/domain/operator.js";
import type { Ward } from "../../shared/domain/ward.js";
import type { BackendRole } from "../../shared/protocol/province.js";
import { CAM_PHA_CAMERAS, CAM_PHA_OPERATORS, CAM_PHA_SENSORS, CAM_PHA_WARDS } from "./cam-pha.js";
import { cameraCatalogue, type CameraSpec } from "./camera-catalogue.js";
import { SEED_OPERATORS } from "./operators.js";
import { SENSOR_CATALOGUE, type SensorSpec } from "./sensor-catalogue.js";
import { loadUongBiWards } from "./ward-geodata.js";

/** The simulated cities a city backend can be started as (`--city-profile`). */
export const CITY_PROFILE_IDS = ["uong-bi", "cam-pha"] as const;
export type CityProfileId = (typeof CITY_PROFILE_IDS)[number];

/** What a backend seeds and simulates: a city's geography, cameras, sensors and staff, or the province's staff alone. */
export interface CentreProfile {
  name: string;
  wards(): readonly Ward[];
  /** The cameras to place: `count` of them when given (Uông Bí adds simulated ones past its catalogue). */
  cameras(count?: number): readonly CameraSpec[];
  sensors: readonly SensorSpec[];
  /** The demo centre's staff (with --demo). */
  operators: readonly Operator[];
  /** A morning's alarms in a new store; they name Uông Bí's own cameras and sensors. */
  seedAlarms: boolean;
}

const UONG_BI: CentreProfile = {
  name: "Uông Bí",
  wards: loadUongBiWards,
  cameras: (count) => cameraCatalogue(count),
  sensors: SENSOR_CATALOGUE,
  operators: SEED_OPERATORS,
  seedAlarms: true,
};

const CAM_PHA: CentreProfile = {
  name: "Cẩm Phả",
  wards: () => CAM_PHA_WARDS,
  cameras: (count) => CAM_PHA_CAMERAS.slice(0, count ?? CAM_PHA_CAMERAS.length),
  sensors: CAM_PHA_SENSORS,
  operators: CAM_PHA_OPERATORS,
  seedAlarms: false,
};

/** The province's centre simulates no city: it learns of its cities from their links. */
export const PROVINCE_OPERATORS: readonly Operator[] = [
  { id: "op-01", name: "Ngô Thanh Tùng", role: "operator" },
  { id: "op-02", name: "Lưu Thị Phương", role: "operator" },
  { id: "sup-01", name: "Đặng Quang Vinh", role: "supervisor" },
  { id: "view-01", name: "Trịnh Thu Trang", role: "viewer" },
];

const PROVINCE: CentreProfile = {
  name: "Quảng Ninh",
  wards: () => [],
  cameras: () => [],
  sensors: [],
  operators: PROVINCE_OPERATORS,
  seedAlarms: false,
};

const CITIES: Record<CityProfileId, CentreProfile> = { "uong-bi": UONG_BI, "cam-pha": CAM_PHA };

export function centreProfile(role: BackendRole, city: CityProfileId = "uong-bi"): CentreProfile {
  return role === "province" ? PROVINCE : CITIES[city];
}
