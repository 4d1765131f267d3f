import { describe, expect, it } from "vitest";
import { CityCredentials } from "../../backend/province/city-credentials.js";

const UONG_BI = { id: "uong-bi", name: "Uông Bí", secret: "uong-bi-secret-0123456789" };
const CAM_PHA = { id: "cam-pha", name: "Cẩm Phả", secret: "cam-pha-secret-0123456789" };

describe("the province's check of a city's link credentials", () => {
  it("takes each city's own secret, as that city", async () => {
    const credentials = await CityCredentials.create([UONG_BI, CAM_PHA]);
    expect(await credentials.verify(`City uong-bi:${UONG_BI.secret}`)).toEqual({ ok: true, value: { id: "uong-bi", name: "Uông Bí" } });
    expect(await credentials.verify(`City cam-pha:${CAM_PHA.secret}`)).toEqual({ ok: true, value: { id: "cam-pha", name: "Cẩm Phả" } });
  });

  it("refuses another city's secret, a wrong one and an unknown city with one answer that does not say which", async () => {
    const credentials = await CityCredentials.create([UONG_BI, CAM_PHA]);
    const answers = await Promise.all([`City uong-bi:${CAM_PHA.secret}`, "City uong-bi:wrong-secret-0123456789", `City ha-long:${UONG_BI.secret}`].map((h) => credentials.verify(h)));
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { kind: "unauthenticated", message: expect.stringMatching(/is not known here or its secret is wrong/) } });
  });

  it("refuses a missing or malformed header, and a secret too short to be one", async () => {
    const credentials = await CityCredentials.create([UONG_BI]);
    for (const header of [undefined, "", `Bearer ${UONG_BI.secret}`, `City uong-bi${UONG_BI.secret}`, "City uong-bi:short", `City :${UONG_BI.secret}`]) {
      expect((await credentials.verify(header)).ok).toBe(false);
    }
  });
});
