import { describe, expect, it } from "vitest";
import { handledBy, routeRequests, typesOf, type RequestHandlers } from "../../electron/core/requests/request-router.js";
import { ConsoleRequestSchema, type ConsoleRequestType } from "../../shared/protocol/console-api.js";
import { BASEMAP_REQUESTS } from "../../shared/protocol/basemap-api.js";
import { err, ok } from "../../shared/result.js";

/** A handler for every request type that answers with its type, and one that throws. */
function everyTypeAnswered(): RequestHandlers<ConsoleRequestType> {
  const types = ConsoleRequestSchema.options.map((option) => option.shape.type.value);
  return handledBy(types, (request) => (request.type === "sync.retry" ? Promise.reject(new Error("boom")) : ok(request.type)));
}

describe("the console API's router", () => {
  it("hands each request to the handler of its type", async () => {
    const handle = routeRequests(everyTypeAnswered());
    expect(await handle({ type: "snapshot" })).toEqual(ok("snapshot"));
    expect(await handle({ type: "basemap.places" })).toEqual(ok("basemap.places"));
  });

  it("refuses what is not a console request before any handler sees it, and turns a handler's failure into an answer", async () => {
    const handle = routeRequests(everyTypeAnswered());
    expect(await handle({ type: "alarm.acknowledge", alarmId: "a" })).toMatchObject({ ok: false, error: { kind: "invalid_request" } });
    expect(await handle(null)).toMatchObject({ ok: false, error: { kind: "invalid_request" } });
    expect(await handle({ type: "sync.retry" })).toEqual(err("internal", "The console core failed on sync.retry: boom"));
  });

  it("names an area's request types from its schemas", () => {
    expect(typesOf(BASEMAP_REQUESTS)).toEqual(["basemap.info", "basemap.tile", "basemap.places"]);
  });
});
