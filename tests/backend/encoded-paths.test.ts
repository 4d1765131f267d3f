import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import { startCity, startProvince, tempDir } from "./province-helpers.js";

/**
 * The router decodes percent-escapes before it picks a route, so `/%61pi/…` is answered by `/api/…`:
 * every check a request hook makes must hold for such a path too, or it is a way round them.
 */
const dir = tempDir("ioc-encoded-paths-");
let province: BackendProcess;
let city: BackendProcess;

beforeAll(async () => {
  province = await startProvince(join(dir, "province"));
  city = await startCity(join(dir, "uong-bi"), "uong-bi", province.url);
}, 120_000);

afterAll(async () => {
  await city?.stop();
  await province?.stop();
});

const status = async (base: string, path: string) => (await fetch(`${base}${path}`)).status;

describe("a path with percent-escapes is checked as the route that answers it", () => {
  it("the API, without a session: refused however its path is written", async () => {
    for (const path of ["/api/v1/changes?after=0", "/%61pi/v1/changes?after=0", "/%61%70%69/v1/changes?after=0", "/api/v1/%63hanges?after=0", "/%61pi/v1/hello?protocol=4"]) {
      expect({ path, status: await status(city.url, path) }).toEqual({ path, status: 401 });
    }
  });

  it("camera streams, without a stream token: refused however their path is written", async () => {
    for (const path of ["/hls/cam-01/index.m3u8", "/%68ls/cam-01/index.m3u8", "/%68ls/cam-01/180p/index.m3u8", "/%68ls/cities/uong-bi/cam-01/index.m3u8"]) {
      const base = path.includes("cities") ? province.url : city.url;
      expect({ path, status: await status(base, path) }).toEqual({ path, status: 401 });
    }
  });

  it("a city's shared cameras, without the province's credential, and the province's uplink, without a city's: refused however written", async () => {
    for (const path of ["/share/v1/hls/cam-01/index.m3u8", "/share/v1/%68ls/cam-01/index.m3u8", "/%73hare/v1/hls/cam-01/index.m3u8"]) {
      expect({ path, status: await status(city.url, path) }).toEqual({ path, status: 401 });
    }
    for (const path of ["/uplink/v1/updates", "/%75plink/v1/updates"]) {
      expect({ path, status: await status(province.url, path) }).toEqual({ path, status: 401 });
    }
  });
});
