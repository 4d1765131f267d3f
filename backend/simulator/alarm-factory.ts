import { freshWorkflowFields, type Alarm, type AlarmPriority } from "../../shared/domain/alarm.js";
import type { LonLat } from "../../shared/domain/geo.js";
import type { Ward } from "../../shared/domain/ward.js";
import { assertNever } from "../../shared/result.js";
import { placeInPolygon, placeNear } from "../geo/placement.js";
import { nearestCameraInWard, type CityModel, type PlacedCamera, type PlacedSensor } from "../seed/city-model.js";
import { wardByCode } from "../seed/ward-geodata.js";
import { pick, pickWeighted, randomInt, type Random } from "../../shared/seeded-random.js";
import { ALARM_TEMPLATES, STREET_NAMES, type AnchorRule } from "./alarm-templates.js";
import { ALARM_TYPES, type AlarmType } from "../../shared/domain/alarm-type.js";

/** What the alarm is about: a camera's view, a sensor, or an address in a ward. */
interface ResolvedAnchor {
  wardCode: string;
  place: string;
  /** Exact position (a sensor) or a point to scatter around (a camera); null: anywhere in the ward. */
  point: LonLat | null;
  scatter: boolean;
  camera: PlacedCamera | null;
  sensor: PlacedSensor | null;
}

export interface AlarmRecipe {
  id: string;
  type: AlarmType;
  now: Date;
  random: Random;
  priority?: AlarmPriority;
  /** A camera id, sensor id or ward code (for address types) to pin the alarm to; random otherwise. */
  anchorId?: string;
}

/** An alarm seen by a camera is within about 100 m of it. */
const CAMERA_SCATTER_DEG = 0.001;

/** "Phường Quang Trung" → "phường Quang Trung", as written inside an address. */
function inAddress(ward: Ward): string {
  return ward.fullName.charAt(0).toLocaleLowerCase("vi") + ward.fullName.slice(1);
}

function camerasFor(model: CityModel, rule: Extract<AnchorRule, { from: "camera" }>): PlacedCamera[] {
  const tags = rule.tags;
  return tags === "any" ? [...model.cameras] : model.cameras.filter((c) => c.tags.some((t) => tags.includes(t)));
}

function sensorsFor(model: CityModel, rule: Extract<AnchorRule, { from: "sensor" }>): PlacedSensor[] {
  return model.sensors.filter((sensor) => {
    if (!rule.kinds.includes(sensor.kind)) return false;
    const nearTags = rule.nearCameraTags;
    if (nearTags === undefined) return true;
    const near = model.cameras.find((c) => c.id === sensor.nearCameraId);
    return near !== undefined && near.tags.some((t) => nearTags.includes(t));
  });
}

/** The rule's wards that this city has; all its wards when it has none of them (another city's catalogue). */
function addressWards(model: CityModel, rule: Extract<AnchorRule, { from: "address" }>): string[] {
  const all = model.wards.map((w) => w.code);
  if (rule.wards === "any") return all;
  const own = rule.wards.filter((code) => all.includes(code));
  return own.length > 0 ? own : all;
}

/** Whether this city has anywhere an alarm of the rule can come from (a city without a power plant raises no power-plant alarm). */
function canAnchor(model: CityModel, rule: AnchorRule): boolean {
  switch (rule.from) {
    case "camera":
      return camerasFor(model, rule).length > 0;
    case "sensor":
      return sensorsFor(model, rule).length > 0;
    case "address":
      return model.wards.length > 0;
    default:
      return assertNever(rule);
  }
}

function chooseFrom<T extends { id: string }>(items: readonly T[], random: Random, anchorId: string | undefined, what: string): T {
  if (anchorId === undefined) return pick(random, items);
  const item = items.find((i) => i.id === anchorId);
  if (item === undefined) throw new Error(`${anchorId} is not a ${what} this alarm type can come from`);
  return item;
}

function resolveAnchor(model: CityModel, rule: AnchorRule, random: Random, anchorId: string | undefined): ResolvedAnchor {
  switch (rule.from) {
    case "camera": {
      const camera = chooseFrom(camerasFor(model, rule), random, anchorId, "camera");
      return { wardCode: camera.wardCode, place: camera.name, point: camera.location, scatter: true, camera, sensor: null };
    }
    case "sensor": {
      const sensor = chooseFrom(sensorsFor(model, rule), random, anchorId, "sensor");
      const camera = model.cameras.find((c) => c.id === sensor.nearCameraId) ?? null;
      return { wardCode: sensor.wardCode, place: sensor.name, point: sensor.location, scatter: false, camera, sensor };
    }
    case "address": {
      const codes = addressWards(model, rule);
      const ward = wardByCode(model.wards, anchorId ?? pick(random, codes));
      const place = rule.street
        ? `Đường ${pick(random, STREET_NAMES)}, ${inAddress(ward)}`
        : `Tổ ${randomInt(random, 1, 15)}, khu ${randomInt(random, 1, 9)}, ${inAddress(ward)}`;
      return { wardCode: ward.code, place, point: null, scatter: false, camera: null, sensor: null };
    }
    default:
      return assertNever(rule);
  }
}

/** A believable new (unacknowledged) alarm. Pure: same recipe and random sequence, same alarm. */
export function createAlarm(model: CityModel, recipe: AlarmRecipe): Alarm {
  const template = ALARM_TEMPLATES[recipe.type];
  const anchor = resolveAnchor(model, template.anchor, recipe.random, recipe.anchorId);
  const boundary = wardByCode(model.wards, anchor.wardCode).boundary;
  const location =
    anchor.point === null
      ? placeInPolygon(boundary, recipe.id)
      : anchor.scatter
        ? placeNear(anchor.point, boundary, recipe.id, CAMERA_SCATTER_DEG)
        : anchor.point;
  const camera = anchor.camera ?? nearestCameraInWard(model, anchor.wardCode, location);
  const sourceId = template.sourceKind === "camera" ? (anchor.camera?.id ?? null) : template.sourceKind === "sensor" ? (anchor.sensor?.id ?? null) : null;
  const at = recipe.now.toISOString();
  return {
    id: recipe.id,
    type: recipe.type,
    domain: template.domain,
    priority: recipe.priority ?? pickWeighted(recipe.random, template.priorities),
    state: "unacknowledged",
    source: { kind: template.sourceKind, id: sourceId },
    cameraId: camera?.id ?? null,
    wardCode: anchor.wardCode,
    location,
    place: anchor.place,
    raisedAt: at,
    updatedAt: at,
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
    comments: [],
    ...freshWorkflowFields(),
  };
}

/** A type for a random alarm, weighted by how often each happens in the city. */
export function randomAlarmType(model: CityModel, random: Random): AlarmType {
  const weights = Object.fromEntries(ALARM_TYPES.map((type) => [type, canAnchor(model, ALARM_TEMPLATES[type].anchor) ? ALARM_TEMPLATES[type].frequency : 0])) as Record<AlarmType, number>;
  return pickWeighted(random, weights);
}
