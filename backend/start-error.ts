/** Why the backend could not start, with a one-sentence message fit for an operator's terminal. */
export type StartFailure = "port_in_use" | "data_dir" | "store_version" | "audit_key" | "tls" | "listen" | "database";

export class BackendStartError extends Error {
  constructor(
    readonly failure: StartFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "BackendStartError";
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}
