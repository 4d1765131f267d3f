import type { ConsoleResponse, RequestOf } from "../../../shared/protocol/console-api.js";
import { err, ok, type Result } from "../../../shared/result.js";
import type { StreetMapStore } from "./street-map-store.js";

export type BasemapRequest = RequestOf<"basemap.info"> | RequestOf<"basemap.tile"> | RequestOf<"basemap.places">;

/**
 * The street map's console API. Like the rest of the city's data it is for signed-in operators
 * only: a signed-out console shows nothing of the city.
 */
export function answerBasemapRequest(request: BasemapRequest, store: StreetMapStore | null, signedIn: boolean): Result<unknown> {
  if (!signedIn) return err("unauthenticated", "Sign in to see the street map.");
  switch (request.type) {
    case "basemap.info":
      return ok((store?.info ?? { installed: false }) satisfies ConsoleResponse<"basemap.info">);
    case "basemap.tile": {
      if (store === null) return err("not_found", "No street map is installed.");
      const data = store.tile(request.tile);
      return ok({ data: data === null ? null : data.toString("base64") } satisfies ConsoleResponse<"basemap.tile">);
    }
    case "basemap.places":
      return ok((store?.places() ?? []) satisfies ConsoleResponse<"basemap.places">);
  }
}
