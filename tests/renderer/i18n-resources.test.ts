import { ALARM_TYPES } from "../../shared/domain/alarm-type.js";
import { describe, expect, it } from "vitest";
import { AlarmDomainSchema, AlarmPrioritySchema, AlarmStateSchema } from "../../shared/domain/alarm.js";
import { SensorKindSchema } from "../../shared/domain/sensor.js";
import { ConnectionStateSchema } from "../../shared/protocol/console-api.js";
import { ErrorKindSchema } from "../../shared/result.js";
import en from "../../renderer/src/i18n/en.json";
import vi from "../../renderer/src/i18n/vi.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

/** i18next plural forms: Vietnamese has one ("_other" or bare), English two. */
const base = (key: string) => key.replace(/_(one|other)$/, "");


describe("translations", () => {
  it("Vietnamese and English have the same keys", () => {
    const viKeys = new Set(keys(vi).map(base));
    const enKeys = new Set(keys(en).map(base));
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it("translate every alarm type, priority, state, domain, error kind, sensor kind and connection state", () => {
    for (const resources of [vi, en] as Tree[]) {
      const all = new Set(keys(resources));
      const expected = [
        ...ALARM_TYPES.map((t) => `alarmTypes.${t}`),
        ...AlarmPrioritySchema.options.map((p) => `priorities.${p}`),
        ...AlarmStateSchema.options.map((s) => `states.${s}`),
        ...AlarmDomainSchema.options.map((d) => `domains.${d}`),
        ...ErrorKindSchema.options.map((k) => `errorKinds.${k}`),
        ...SensorKindSchema.options.map((k) => `map.sensorKinds.${k}`),
        ...ConnectionStateSchema.options.map((c) => `connection.${c}`),
      ];
      expect(expected.filter((k) => !all.has(k))).toEqual([]);
    }
  });

  it("words the acknowledgement the way operators say it", () => {
    expect(vi.alarms.ackInfo).toBe("Đã xác nhận bởi {{name}} lúc {{time}}");
  });
});
