import { PROTOCOL_VERSION } from "../shared/protocol/backend.js";
import type { AppError } from "../shared/result.js";

/** The oldest console protocol this backend still serves. */
export const MIN_PROTOCOL_VERSION = 4;

function describeRange(min: number, max: number): string {
  return min === max ? `only ${min}` : `${min}–${max}`;
}

/** Pure: null when a console speaking `consoleVersion` may sync, otherwise the error to answer. */
export function protocolMismatch(consoleVersion: number, min = MIN_PROTOCOL_VERSION, max = PROTOCOL_VERSION): AppError | null {
  if (consoleVersion >= min && consoleVersion <= max) return null;
  const update = consoleVersion < min ? "the console" : "the backend";
  return {
    kind: "protocol_mismatch",
    message: `This console speaks sync protocol ${consoleVersion}; this backend accepts ${describeRange(min, max)}. Update ${update}.`,
    detail: { consoleVersion, minProtocolVersion: min, protocolVersion: max },
  };
}
