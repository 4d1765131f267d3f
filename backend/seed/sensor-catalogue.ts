import type { SensorKind } from "../../shared/domain/sensor.js";
import { WARD } from "./ward-codes.js";

/** Units and believable ranges per kind; the simulator drifts readings within them. */
export interface SensorKindProfile {
  unit: string;
  min: number;
  max: number;
  /** Seeded readings start around here, ± spread. */
  typical: number;
  spread: number;
  /** Largest change of one simulator update. */
  step: number;
  decimals: number;
}

export const SENSOR_KIND_PROFILES: Record<SensorKind, SensorKindProfile> = {
  // PM2.5; Vietnam's 24-hour limit (QCVN 05:2023) is 50 µg/m³.
  air_quality: { unit: "µg/m³", min: 5, max: 300, typical: 48, spread: 20, step: 6, decimals: 0 },
  water_level: { unit: "m", min: 0.3, max: 6, typical: 1.8, spread: 0.6, step: 0.08, decimals: 2 },
  traffic_count: { unit: "veh/h", min: 0, max: 4000, typical: 1100, spread: 500, step: 120, decimals: 0 },
  noise: { unit: "dB(A)", min: 35, max: 100, typical: 62, spread: 8, step: 3, decimals: 1 },
  rainfall: { unit: "mm/h", min: 0, max: 80, typical: 3, spread: 3, step: 1.5, decimals: 1 },
};

export interface SensorSpec {
  id: string;
  name: string;
  kind: SensorKind;
  wardCode: string;
  /** Placed near this camera when given, otherwise anywhere in the ward. */
  nearCameraId: string | null;
}

const sensor = (id: string, kind: SensorKind, name: string, wardCode: string, nearCameraId: string | null = null): SensorSpec => ({
  id,
  name,
  kind,
  wardCode,
  nearCameraId,
});

export const SENSOR_CATALOGUE: readonly SensorSpec[] = [
  sensor("aq-01", "air_quality", "Quan trắc không khí Nhiệt điện Uông Bí - cổng chính", WARD.trungVuong, "cam-04"),
  sensor("aq-02", "air_quality", "Quan trắc không khí Nhiệt điện Uông Bí - phía Bắc", WARD.trungVuong, "cam-04"),
  sensor("aq-03", "air_quality", "Quan trắc không khí Nhiệt điện Uông Bí - phía Nam", WARD.trungVuong, "cam-04"),
  sensor("aq-04", "air_quality", "Quan trắc không khí Nhiệt điện Uông Bí - khu dân cư Trưng Vương", WARD.trungVuong, "cam-04"),
  sensor("aq-05", "air_quality", "Quan trắc không khí Ngã tư Quang Trung", WARD.quangTrung, "cam-01"),
  sensor("aq-06", "air_quality", "Quan trắc không khí Mỏ than Vàng Danh", WARD.vangDanh, "cam-10"),
  sensor("wl-01", "water_level", "Mực nước sông Uông - Cầu Sông Uông", WARD.trungVuong, "cam-05"),
  sensor("wl-02", "water_level", "Mực nước sông Uông - Đê Yên Thanh", WARD.yenThanh, "cam-14"),
  sensor("wl-03", "water_level", "Mực nước sông Uông - Quang Trung", WARD.quangTrung),
  sensor("wl-04", "water_level", "Mực nước sông Uông - thượng nguồn Vàng Danh", WARD.vangDanh),
  sensor("wl-05", "water_level", "Mực nước sông Uông - Bến đò Điền Công", WARD.dienCong, "cam-22"),
  sensor("wl-06", "water_level", "Mực nước hồ Yên Trung", WARD.phuongDong, "cam-19"),
  sensor("tc-01", "traffic_count", "Đếm xe QL18 - Phương Đông", WARD.phuongDong, "cam-18"),
  sensor("tc-02", "traffic_count", "Đếm xe QL18 - Bắc Sơn", WARD.bacSon, "cam-08"),
  sensor("tc-03", "traffic_count", "Đếm xe QL18 - Nam Khê", WARD.namKhe, "cam-13"),
  sensor("tc-04", "traffic_count", "Đếm xe QL18 - Quang Trung", WARD.quangTrung, "cam-01"),
  sensor("tc-05", "traffic_count", "Đếm xe QL18 - Thanh Sơn", WARD.thanhSon),
  sensor("tc-06", "traffic_count", "Đếm xe QL18 - Trưng Vương", WARD.trungVuong),
  sensor("ns-01", "noise", "Tiếng ồn Chợ trung tâm Uông Bí", WARD.quangTrung, "cam-02"),
  sensor("ns-02", "noise", "Tiếng ồn Ngã tư Quang Trung", WARD.quangTrung, "cam-01"),
  sensor("ns-03", "noise", "Tiếng ồn Ga Uông Bí", WARD.namKhe, "cam-12"),
  sensor("ns-04", "noise", "Tiếng ồn Bệnh viện Việt Nam - Thụy Điển", WARD.thanhSon, "cam-06"),
  sensor("ns-05", "noise", "Tiếng ồn Chùa Ba Vàng", WARD.quangTrung, "cam-03"),
  sensor("ns-06", "noise", "Tiếng ồn Khu đô thị Phương Nam", WARD.phuongNam, "cam-21"),
  sensor("rf-01", "rainfall", "Đo mưa Vàng Danh", WARD.vangDanh),
  sensor("rf-02", "rainfall", "Đo mưa Thượng Yên Công", WARD.thuongYenCong),
  sensor("rf-03", "rainfall", "Đo mưa Yên Thanh", WARD.yenThanh),
  sensor("rf-04", "rainfall", "Đo mưa Phương Đông", WARD.phuongDong),
  sensor("rf-05", "rainfall", "Đo mưa Phương Nam", WARD.phuongNam),
  sensor("rf-06", "rainfall", "Đo mưa Nam Khê", WARD.namKhe),
];
