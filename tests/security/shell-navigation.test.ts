import { describe, expect, it } from "vitest";
import { isTrustedFrame, mayNavigate, mayOpenExternally } from "../../electron/main/navigation-policy.js";

const APP = "app://console";

describe("the Electron shell's navigation policy", () => {
  it("lets a window show only the app's own origin, compared exactly", () => {
    expect(mayNavigate("app://console/index.html?role=map", APP)).toBe(true);
    expect(mayNavigate("app://console.evil/index.html", APP)).toBe(false);
    expect(mayNavigate("app://consolex/", APP)).toBe(false);
    expect(mayNavigate("https://evil.example/app://console/", APP)).toBe(false);
    expect(mayNavigate("file:///etc/passwd", APP)).toBe(false);
    expect(mayNavigate("not a url", APP)).toBe(false);
  });

  it("answers IPC only for frames of the app's own origin", () => {
    expect(isTrustedFrame("app://console/index.html", APP)).toBe(true);
    expect(isTrustedFrame("app://console.evil/", APP)).toBe(false);
    expect(isTrustedFrame(undefined, APP)).toBe(false);
    expect(isTrustedFrame("about:blank", APP)).toBe(false);
  });

  it("opens in the system browser only https links to allowed hosts", () => {
    expect(mayOpenExternally("https://www.openstreetmap.org/copyright")).toBe(true);
    expect(mayOpenExternally("https://evil.example/phish")).toBe(false);
    expect(mayOpenExternally("http://www.openstreetmap.org/copyright")).toBe(false);
    expect(mayOpenExternally("https://user:pw@www.openstreetmap.org/")).toBe(false);
    expect(mayOpenExternally("https://www.openstreetmap.org.evil.example/")).toBe(false);
    expect(mayOpenExternally("file:///etc/passwd")).toBe(false);
    expect(mayOpenExternally("javascript:alert(1)")).toBe(false);
  });
});
