import { ConsoleRequestSchema, type ConsoleRequest, type ConsoleRequestType, type RequestOf } from "../../../shared/protocol/console-api.js";
import { err, parseWith, type Result } from "../../../shared/result.js";

type Answer = Result<unknown> | Promise<Result<unknown>>;

/** The handlers of some request types, one per type. */
export type RequestHandlers<T extends ConsoleRequestType> = { readonly [K in T]: (request: RequestOf<K>) => Answer };

/** One function answers every request of an area (its own switch, e.g. the workstation's). */
export function handledBy<T extends ConsoleRequestType>(types: readonly T[], handle: (request: RequestOf<T>) => Answer): RequestHandlers<T> {
  return Object.fromEntries(types.map((type) => [type, handle])) as unknown as RequestHandlers<T>;
}

/** The request types a list of console API schemas declares (an area's part of the union). */
export function typesOf<T extends ConsoleRequestType>(schemas: ReadonlyArray<{ shape: { type: { value: T } } }>): T[] {
  return schemas.map((schema) => schema.shape.type.value);
}

/**
 * The console API's entry point: parses an untrusted request and hands it to the handler its type
 * is registered to. Every type must have one (the compiler checks the map is complete). Never throws.
 */
export function routeRequests(handlers: RequestHandlers<ConsoleRequestType>): (raw: unknown) => Promise<Result<unknown>> {
  return async (raw) => {
    const parsed = parseWith(ConsoleRequestSchema, raw, "console request");
    if (!parsed.ok) return parsed;
    const request: ConsoleRequest = parsed.value;
    try {
      // The map is keyed by type, so each handler receives its own request type.
      const handler = handlers[request.type] as (request: ConsoleRequest) => Answer;
      return await handler(request);
    } catch (e) {
      return err("internal", `The console core failed on ${request.type}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
