import type { FastifyInstance } from "fastify";
import { CAMERA_PATHS, CAMERA_PROBE_TIMEOUT_S, CameraProbeRequestSchema, CameraProbeSchema } from "../../shared/protocol/cameras.js";
import { err, ok, parseWith, resultSchema, type Result } from "../../shared/result.js";
import { CameraSchema } from "../../shared/domain/camera.js";
import { sameServer, type CameraCredentials } from "../../shared/domain/camera-setup.js";
import { TokenBuckets } from "../../shared/token-bucket.js";
import { probeCamera } from "../cameras/camera-probe.js";
import type { BackendStore } from "../store/backend-store.js";
import { roleRefusal, sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";

/** Probes one session may start: a few in a row, then one every five seconds. */
const PROBES_BURST = 5;
const PROBES_PER_SECOND = 0.2;
/** Probes running at once on this backend: each is an ffprobe process. */
const MAX_CONCURRENT_PROBES = 2;

/** A camera's stored credentials for a test of this address: only where the camera's own addresses point (they must not be sent elsewhere). */
async function storedFor(store: BackendStore, cameraId: string, url: string): Promise<Result<CameraCredentials | null>> {
  const camera = CameraSchema.safeParse((await store.getEntity("camera", cameraId))?.data);
  const setup = camera.success ? camera.data.setup : undefined;
  if (setup === undefined) return err("not_found", `Camera ${cameraId} is not a camera added here.`);
  const servers = [setup.url, ...(setup.subStreamUrl === null ? [] : [setup.subStreamUrl])];
  if (!servers.some((known) => sameServer(known, url))) return err("invalid_request", "This address points at another server than the camera's: type its user name and password to test it.");
  return ok(await store.cameraSecrets.getCredentials(cameraId));
}

/** A supervisor's connection test of a camera's address (POST /api/v1/cameras/probe), in a verified session. */
export function registerCameraRoutes(app: FastifyInstance, deps: { store: BackendStore; ffprobePath: string | null }): void {
  const buckets = new TokenBuckets(PROBES_BURST, PROBES_PER_SECOND);
  let running = 0;
  app.post(CAMERA_PATHS.probe, async (request, reply) => {
    const session = sessionOf(request);
    const refused = roleRefusal(session, ["supervisor"], "testing a camera's connection");
    if (refused !== null) return sendError(reply, refused);
    const body = parseWith(CameraProbeRequestSchema, request.body, "connection test");
    if (!body.ok) return sendError(reply, body.error);
    if (running >= MAX_CONCURRENT_PROBES || !buckets.take(session.id, 1, Date.now())) {
      return sendError(reply, { kind: "rate_limited", message: "Too many connection tests at once: wait a few seconds and test again." });
    }
    const { url, credentials, storedCredentialsOf } = body.value;
    running++;
    try {
      const stored = storedCredentialsOf === null || credentials !== null ? null : await storedFor(deps.store, storedCredentialsOf, url);
      if (stored !== null && !stored.ok) return sendError(reply, stored.error);
      const used = credentials ?? stored?.value ?? null;
      const probe = await probeCamera(deps.ffprobePath, url, used, CAMERA_PROBE_TIMEOUT_S);
      return sendValidated(reply, resultSchema(CameraProbeSchema), ok(probe));
    } finally {
      running--;
    }
  });
}
