import { describe, expect, it } from "vitest";
import { reconcileSelection } from "../../renderer/src/store/selection-reconcile.js";
import { placementFeatures } from "../../renderer/src/features/workstation/platform/screen-placement.js";
import { roleFromSearch, roleUrl, showsPane } from "../../renderer/src/features/workstation/model/window-role.js";
import { workstationKeyAction } from "../../renderer/src/features/workstation/model/workstation-keys.js";

const key = (k: string, code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = { altKey: true }) => ({
  key: k,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe("window roles", () => {
  it("reads the role from the URL; anything else is the combined window", () => {
    expect(roleFromSearch("?role=map")).toBe("map");
    expect(roleFromSearch("?core=ws://x&role=alarms")).toBe("alarms");
    expect(roleFromSearch("?role=kitchen")).toBe("combined");
    expect(roleFromSearch("")).toBe("combined");
  });
  it("builds a role's URL keeping the rest of the query", () => {
    expect(roleUrl("http://127.0.0.1:8421/?core=ws://h:1&role=map#x", "wall")).toBe("http://127.0.0.1:8421/?core=ws%3A%2F%2Fh%3A1&role=wall");
  });
  it("each role shows its pane; combined shows all", () => {
    expect(showsPane("map", "map")).toBe(true);
    expect(showsPane("map", "alarms")).toBe(false);
    expect(["map", "wall", "alarms"].every((p) => showsPane("combined", p as "map"))).toBe(true);
  });
});

describe("workstation shortcuts", () => {
  it("Alt+1..4 focus map, wall, queue, combined; Alt+A acknowledges; Alt+X clears", () => {
    expect(workstationKeyAction(key("1", "Digit1"))).toEqual({ kind: "focus", role: "map" });
    expect(workstationKeyAction(key("4", "Digit4"))).toEqual({ kind: "focus", role: "combined" });
    expect(workstationKeyAction(key("5", "Digit5"))).toEqual({ kind: "focus", role: "dashboards" });
    expect(workstationKeyAction(key("â", "KeyA"))).toEqual({ kind: "acknowledge" });
    expect(workstationKeyAction(key("x", "KeyX"))).toEqual({ kind: "clear" });
  });
  it("leaves plain keys, other modifiers and unknown keys alone", () => {
    expect(workstationKeyAction(key("1", "Digit1", {}))).toBeNull();
    expect(workstationKeyAction(key("a", "KeyA", { altKey: true, ctrlKey: true }))).toBeNull();
    expect(workstationKeyAction(key("6", "Digit6"))).toBeNull();
  });
});

describe("browser window placement", () => {
  const screen = (left: number, primary: boolean) => ({ left, top: 0, width: 1920, height: 1080, availLeft: left, availTop: 0, availWidth: 1920, availHeight: 1040, isPrimary: primary, label: `S${left}` });
  it("places each role where the planner puts it on the granted screens", () => {
    const screens = [screen(0, true), screen(1920, false), screen(3840, false)];
    expect(placementFeatures(screens, "wall")).toBe("popup,left=1920,top=0,width=1920,height=1040");
    expect(placementFeatures(screens, "alarms")).toBe("popup,left=3840,top=0,width=1920,height=1040");
    expect(placementFeatures([screen(0, true)], "map")).toBe("popup,left=0,top=0,width=1920,height=1040");
    expect(placementFeatures([], "map")).toBeNull();
  });
});

describe("reconcileSelection", () => {
  it("keeps the camera request object when the core repeats it, replaces it when it is new", () => {
    const current = { alarmId: "a", wardCode: null, cameraRequest: { cameraId: "cam-01", nonce: 3 } };
    const same = reconcileSelection(current, { alarmId: "a", wardCode: null, cameraRequest: { cameraId: "cam-01", nonce: 3 }, version: 9 });
    expect(same).toBe(current);
    const next = reconcileSelection(current, { alarmId: "b", wardCode: null, cameraRequest: { cameraId: "cam-01", nonce: 4 }, version: 10 });
    expect(next).toEqual({ alarmId: "b", wardCode: null, cameraRequest: { cameraId: "cam-01", nonce: 4 } });
  });
});
