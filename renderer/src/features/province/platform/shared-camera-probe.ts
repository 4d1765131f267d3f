import { AppErrorSchema, type AppError, type Result } from "../../../../../shared/result.js";
import { withStreamToken } from "../../wall/platform/stream-access.js";

/**
 * Asks for a shared camera's playlist once before the player opens it, so a refusal (not shared,
 * the city unreachable, no right to it) is shown with the backend's reason rather than as a
 * player's bare network error.
 */
export async function probeSharedCamera(url: string, signal: AbortSignal): Promise<Result<null>> {
  try {
    const response = await fetch(withStreamToken(url), { signal });
    if (response.ok) return { ok: true, value: null };
    const body: unknown = await response.json().catch(() => null);
    const error = AppErrorSchema.safeParse(typeof body === "object" && body !== null && "error" in body ? body.error : null);
    const fallback: AppError = { kind: "backend_error", message: `HTTP ${response.status}` };
    return { ok: false, error: error.success ? error.data : fallback };
  } catch (error) {
    return { ok: false, error: { kind: "offline", message: error instanceof Error ? error.message : String(error) } };
  }
}
