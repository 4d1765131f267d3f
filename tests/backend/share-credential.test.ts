import { describe, expect, it } from "vitest";
import { provinceShareToken, shareCredentialValid } from "../../backend/province/camera-share-city.js";
import { PROVINCE_AUTH_SCHEME, SHARE_TOKEN_CLOCK_SKEW_MS, SHARE_TOKEN_TTL_MS } from "../../shared/protocol/camera-share.js";

const SECRET = "uong-bi-secret-0123456789";
const NOW = Date.parse("2026-12-04T08:00:00.000Z");
const header = (secret: string, expiresAtMs: number) => `${PROVINCE_AUTH_SCHEME} ${provinceShareToken(secret, expiresAtMs)}`;

describe("the province's credential for a city's shared cameras", () => {
  it("is taken from the province's secret until it expires, allowing for the centres' clocks to differ", () => {
    expect(shareCredentialValid(SECRET, header(SECRET, NOW + SHARE_TOKEN_TTL_MS), NOW)).toBe(true);
    expect(shareCredentialValid(SECRET, header(SECRET, NOW - SHARE_TOKEN_CLOCK_SKEW_MS + 1000), NOW)).toBe(true);
  });

  it("is refused once expired, when it claims to last longer than the province ever makes one, or with another city's secret", () => {
    expect(shareCredentialValid(SECRET, header(SECRET, NOW - SHARE_TOKEN_CLOCK_SKEW_MS - 1000), NOW)).toBe(false);
    expect(shareCredentialValid(SECRET, header(SECRET, NOW + SHARE_TOKEN_TTL_MS + SHARE_TOKEN_CLOCK_SKEW_MS + 1000), NOW)).toBe(false);
    expect(shareCredentialValid(SECRET, header("cam-pha-secret-0123456789", NOW + SHARE_TOKEN_TTL_MS), NOW)).toBe(false);
  });

  it("is refused when its expiry is changed, or it is malformed or missing", () => {
    const good = header(SECRET, NOW + SHARE_TOKEN_TTL_MS);
    const later = String(Math.floor((NOW + SHARE_TOKEN_TTL_MS) / 1000) + 30);
    expect(shareCredentialValid(SECRET, good.replace(/ \d+\./, ` ${later}.`), NOW)).toBe(false);
    expect(shareCredentialValid(SECRET, good.slice(0, -1), NOW)).toBe(false);
    expect(shareCredentialValid(SECRET, `Bearer ${provinceShareToken(SECRET, NOW + SHARE_TOKEN_TTL_MS)}`, NOW)).toBe(false);
    expect(shareCredentialValid(SECRET, undefined, NOW)).toBe(false);
    expect(shareCredentialValid(SECRET, "x".repeat(400), NOW)).toBe(false);
  });
});
