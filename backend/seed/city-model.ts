import type { Camera, CameraStatus } from "../../shared/domain/camera.js";
import type { LonLat } from "../../shared/domain/geo.js";
import type { Sensor } from "../../shared/domain/sensor.js";
import type { Ward } from "../../shared/domain/ward.js";
import { placeInPolygon, placeNear } from "../geo/placement.js";
import { CAMERA_CATALOGUE, type CameraSpec } from "./camera-catalogue.js";
import { SENSOR_CATALOGUE, SENSOR_KIND_PROFILES, type SensorSpec } from "./sensor-catalogue.js";
import { wardByCode } from "./ward-geodata.js";

export interface PlacedCamera extends CameraSpec {
  location: LonLat;
}

export interface PlacedSensor extends SensorSpec {
  location: LonLat;
  unit: string;
}

/** The static city: wards, and cameras and sensors at their (deterministic) positions. */
export interface CityModel {
  wards: readonly Ward[];
  cameras: readonly PlacedCamera[];
  sensors: readonly PlacedSensor[];
}

/** A sensor "near" a camera sits within about 300 m of it. */
const NEAR_CAMERA_RADIUS_DEG = 0.003;

/** `catalogue`: the cameras to place (default Uông Bí's; see cameraCatalogue for more), `sensorCatalogue` likewise. */
export function buildCityModel(wards: readonly Ward[], catalogue: readonly CameraSpec[] = CAMERA_CATALOGUE, sensorCatalogue: readonly SensorSpec[] = SENSOR_CATALOGUE): CityModel {
  const cameras = catalogue.map((spec) => ({
    ...spec,
    location: placeInPolygon(wardByCode(wards, spec.wardCode).boundary, spec.id),
  }));
  const sensors = sensorCatalogue.map((spec): PlacedSensor => {
    const boundary = wardByCode(wards, spec.wardCode).boundary;
    const anchor = cameras.find((c) => c.id === spec.nearCameraId && c.wardCode === spec.wardCode);
    const location =
      anchor === undefined ? placeInPolygon(boundary, spec.id) : placeNear(anchor.location, boundary, spec.id, NEAR_CAMERA_RADIUS_DEG);
    return { ...spec, location, unit: SENSOR_KIND_PROFILES[spec.kind].unit };
  });
  return { wards, cameras, sensors };
}

export function cameraStreamUrl(publicUrl: string, cameraId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/hls/${encodeURIComponent(cameraId)}/index.m3u8`;
}

export function toCameraEntity(camera: PlacedCamera, status: CameraStatus, publicUrl: string): Camera {
  return {
    id: camera.id,
    name: camera.name,
    wardCode: camera.wardCode,
    location: camera.location,
    bearing: camera.bearing,
    status,
    streamUrl: cameraStreamUrl(publicUrl, camera.id),
    source: camera.live ? "live" : "simulated",
  };
}

export function toSensorEntity(sensor: PlacedSensor, lastValue: number | null, lastAt: string | null): Sensor {
  return {
    id: sensor.id,
    name: sensor.name,
    kind: sensor.kind,
    wardCode: sensor.wardCode,
    location: sensor.location,
    unit: sensor.unit,
    lastValue,
    lastAt,
  };
}

/** The closest camera in the same ward (planar distance is fine at city scale), if the ward has one. */
export function nearestCameraInWard(model: CityModel, wardCode: string, point: LonLat): PlacedCamera | null {
  let best: PlacedCamera | null = null;
  let bestDistance = Infinity;
  for (const camera of model.cameras) {
    if (camera.wardCode !== wardCode) continue;
    const distance = Math.hypot(camera.location[0] - point[0], camera.location[1] - point[1]);
    if (distance < bestDistance) {
      best = camera;
      bestDistance = distance;
    }
  }
  return best;
}
