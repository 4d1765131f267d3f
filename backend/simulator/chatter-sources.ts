import type { CityModel } from "../seed/city-model.js";
import type { Random } from "../../shared/seeded-random.js";
import { createAlarm, randomAlarmType } from "./alarm-factory.js";
import { ALARM_TEMPLATES } from "./alarm-templates.js";
import type { AlarmType } from "../../shared/domain/alarm-type.js";

/** A field source that keeps raising the same alarm: a type and the camera, sensor or ward it is pinned to. */
export interface ChatterSource {
  type: AlarmType;
  anchorId: string;
}

/** Pure given `random`: `count` believable sources, each a real camera, sensor or ward of its alarm type. */
export function chatterSources(model: CityModel, random: Random, count: number): ChatterSource[] {
  const sources: ChatterSource[] = [];
  for (let i = 0; i < count; i++) {
    const type = randomAlarmType(model, random);
    const probe = createAlarm(model, { id: `chatter-probe-${i}`, type, now: new Date(0), random });
    const rule = ALARM_TEMPLATES[type].anchor;
    const anchorId = rule.from === "camera" ? probe.cameraId : rule.from === "sensor" ? probe.source.id : probe.wardCode;
    if (anchorId !== null) sources.push({ type, anchorId });
  }
  return sources;
}
