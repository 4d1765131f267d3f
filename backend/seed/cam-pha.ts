import type { Operator } from "../../shared/domain/operator.js";
import type { Ward } from "../../shared/domain/ward.js";
import type { CameraSpec } from "./camera-catalogue.js";
import type { SensorSpec } from "./sensor-catalogue.js";

/*
 * Cẩm Phả, the province's second simulated city. SYNTHETIC: no boundary data of Cẩm Phả is
 * available here, so its four wards are simple quadrilaterals laid along the coast where the
 * real wards lie, with codes from 90001 (no GSO code starts with 9) so they can never be taken
 * for, or collide with, real ones. The names are real wards of Cẩm Phả; the shapes are not.
 */
const quad = (west: number, east: number, south: number, north: number, tilt: number): Ward["boundary"] => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [east, south + tilt],
      [east, north + tilt],
      [west, north],
      [west, south],
    ],
  ],
});

const ward = (code: string, name: string, boundary: Ward["boundary"]): Ward => ({
  code,
  name,
  fullName: `Phường ${name}`,
  nameAscii: name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D"),
  kind: "ward",
  boundary,
});

export const CAM_PHA_WARD = { quangHanh: "90001", camThach: "90002", camTrung: "90003", cuaOng: "90004" } as const;

export const CAM_PHA_WARDS: readonly Ward[] = [
  ward(CAM_PHA_WARD.quangHanh, "Quang Hanh", quad(107.22, 107.27, 20.995, 21.045, 0.004)),
  ward(CAM_PHA_WARD.camThach, "Cẩm Thạch", quad(107.27, 107.31, 20.999, 21.049, 0.004)),
  ward(CAM_PHA_WARD.camTrung, "Cẩm Trung", quad(107.31, 107.35, 21.003, 21.053, 0.006)),
  ward(CAM_PHA_WARD.cuaOng, "Cửa Ông", quad(107.35, 107.4, 21.009, 21.059, 0.008)),
];

const camera = (id: string, name: string, wardCode: string, bearing: number | null, tags: CameraSpec["tags"]): CameraSpec => ({ id, name, wardCode, bearing, tags, live: false });

/** Ids start with cp- so that, in a shared video cache or at the province, they never meet Uông Bí's. */
export const CAM_PHA_CAMERAS: readonly CameraSpec[] = [
  camera("cp-cam-01", "QL18 - Quang Hanh", CAM_PHA_WARD.quangHanh, 80, ["ql18", "street"]),
  camera("cp-cam-02", "Mỏ than Cọc Sáu - cổng chính", CAM_PHA_WARD.camThach, 10, ["mine"]),
  camera("cp-cam-03", "Chợ Cẩm Phả", CAM_PHA_WARD.camTrung, null, ["market", "street"]),
  camera("cp-cam-04", "Ngã tư Cẩm Trung", CAM_PHA_WARD.camTrung, 45, ["intersection", "street"]),
  camera("cp-cam-05", "Bệnh viện Đa khoa Cẩm Phả", CAM_PHA_WARD.camThach, null, ["hospital"]),
  camera("cp-cam-06", "Cảng Cửa Ông", CAM_PHA_WARD.cuaOng, 150, ["water"]),
];

const sensor = (id: string, kind: SensorSpec["kind"], name: string, wardCode: string, nearCameraId: string | null = null): SensorSpec => ({ id, name, kind, wardCode, nearCameraId });

export const CAM_PHA_SENSORS: readonly SensorSpec[] = [
  sensor("cp-aq-01", "air_quality", "Quan trắc không khí Mỏ Cọc Sáu", CAM_PHA_WARD.camThach, "cp-cam-02"),
  sensor("cp-wl-01", "water_level", "Mực nước Cảng Cửa Ông", CAM_PHA_WARD.cuaOng, "cp-cam-06"),
  sensor("cp-tc-01", "traffic_count", "Đếm xe QL18 - Quang Hanh", CAM_PHA_WARD.quangHanh, "cp-cam-01"),
  sensor("cp-ns-01", "noise", "Tiếng ồn Chợ Cẩm Phả", CAM_PHA_WARD.camTrung, "cp-cam-03"),
  sensor("cp-rf-01", "rainfall", "Đo mưa Cẩm Trung", CAM_PHA_WARD.camTrung),
];

/** Cẩm Phả's centre's own staff (the same demo account ids as every demo centre, other people). */
export const CAM_PHA_OPERATORS: readonly Operator[] = [
  { id: "op-01", name: "Hoàng Văn Nam", role: "operator" },
  { id: "op-02", name: "Vũ Thị Hằng", role: "operator" },
  { id: "sup-01", name: "Bùi Đức Thắng", role: "supervisor" },
  { id: "view-01", name: "Đinh Thị Mai", role: "viewer" },
];
