import { WARD } from "./ward-codes.js";

/** What a camera looks at; alarm templates use these to pick believable cameras. */
export type CameraTag =
  | "intersection"
  | "street"
  | "market"
  | "pagoda"
  | "tourism"
  | "power_plant"
  | "water"
  | "hospital"
  | "school"
  | "ql18"
  | "mine"
  | "station"
  | "construction";

export interface CameraSpec {
  id: string;
  name: string;
  wardCode: string;
  /** View direction in degrees, where the installer recorded it. */
  bearing: number | null;
  tags: readonly CameraTag[];
  /** The one camera encoded live with the wall clock burned in; the others loop a short clip. */
  live: boolean;
}

const camera = (
  id: string,
  name: string,
  wardCode: string,
  bearing: number | null,
  tags: readonly CameraTag[],
  live = false,
): CameraSpec => ({ id, name, wardCode, bearing, tags, live });

/** About two cameras per ward; the centre (Quang Trung) has three. */
export const CAMERA_CATALOGUE: readonly CameraSpec[] = [
  camera("cam-01", "Ngã tư Quang Trung", WARD.quangTrung, 45, ["intersection", "street"], true),
  camera("cam-02", "Chợ trung tâm Uông Bí", WARD.quangTrung, null, ["market", "street"]),
  camera("cam-03", "Chùa Ba Vàng", WARD.quangTrung, 200, ["pagoda", "tourism"]),
  camera("cam-04", "Nhà máy Nhiệt điện Uông Bí", WARD.trungVuong, 270, ["power_plant"]),
  camera("cam-05", "Cầu Sông Uông", WARD.trungVuong, 180, ["water", "street"]),
  camera("cam-06", "Bệnh viện Việt Nam - Thụy Điển Uông Bí", WARD.thanhSon, null, ["hospital"]),
  camera("cam-07", "Trường THCS Nguyễn Trãi", WARD.thanhSon, 90, ["school"]),
  camera("cam-08", "QL18 - Bắc Sơn", WARD.bacSon, 100, ["ql18", "street"]),
  camera("cam-09", "Trường THCS Bắc Sơn", WARD.bacSon, null, ["school"]),
  camera("cam-10", "Mỏ than Vàng Danh - cổng chính", WARD.vangDanh, 15, ["mine"]),
  camera("cam-11", "Chợ Vàng Danh", WARD.vangDanh, null, ["market"]),
  camera("cam-12", "Ga Uông Bí", WARD.namKhe, 120, ["station"]),
  camera("cam-13", "QL18 - Nam Khê", WARD.namKhe, 95, ["ql18", "street"]),
  camera("cam-14", "Đê sông Uông - Yên Thanh", WARD.yenThanh, 160, ["water"]),
  camera("cam-15", "Trường Tiểu học Yên Thanh", WARD.yenThanh, null, ["school"]),
  camera("cam-16", "Yên Tử - ga cáp treo Giải Oan", WARD.thuongYenCong, 330, ["pagoda", "tourism"]),
  camera("cam-17", "Đường lên Yên Tử - Nam Mẫu", WARD.thuongYenCong, 10, ["street", "tourism", "construction"]),
  camera("cam-18", "QL18 - Phương Đông", WARD.phuongDong, 85, ["ql18", "street"]),
  camera("cam-19", "Hồ Yên Trung", WARD.phuongDong, null, ["water", "tourism"]),
  camera("cam-20", "Cầu Đá Bạc", WARD.phuongNam, 210, ["water", "street"]),
  camera("cam-21", "Khu đô thị Phương Nam", WARD.phuongNam, null, ["construction", "street"]),
  camera("cam-22", "Bến đò Điền Công", WARD.dienCong, 250, ["water"]),
];

/** Wards in catalogue order, each once: where extra simulated cameras go, in turn. */
const CATALOGUE_WARDS: readonly string[] = [...new Set(CAMERA_CATALOGUE.map((spec) => spec.wardCode))];

/**
 * The catalogue with `count` cameras: its first `count` when smaller; when larger, extra simulated
 * street cameras cam-23, cam-24, … dealt to the wards in turn (a load test needs as many cameras
 * as a large wall has tiles). Pure and deterministic, so every run places the same cameras.
 */
export function cameraCatalogue(count: number = CAMERA_CATALOGUE.length): readonly CameraSpec[] {
  if (count <= CAMERA_CATALOGUE.length) return CAMERA_CATALOGUE.slice(0, Math.max(0, count));
  const extra: CameraSpec[] = [];
  for (let n = CAMERA_CATALOGUE.length + 1; n <= count; n++) {
    const wardCode = CATALOGUE_WARDS[(n - CAMERA_CATALOGUE.length - 1) % CATALOGUE_WARDS.length] ?? WARD.quangTrung;
    extra.push(camera(`cam-${String(n).padStart(2, "0")}`, `Camera mô phỏng ${n}`, wardCode, null, ["street"]));
  }
  return [...CAMERA_CATALOGUE, ...extra];
}
