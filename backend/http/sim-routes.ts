import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  CameraOutageRequestSchema,
  CameraOutageResponseSchema,
  PublishDomainSamplesRequestSchema,
  PublishDomainSamplesResponseSchema,
  RaiseAlarmsRequestSchema,
  RaiseAlarmsResponseSchema,
  SIMULATOR_PATHS,
  SimulatorControlResponseSchema,
  SimulatorFloodRequestSchema,
  SimulatorRateRequestSchema,
} from "../../shared/protocol/simulator.js";
import { ok, parseWith } from "../../shared/result.js";
import type { CameraOutages } from "../simulator/camera-outages.js";
import type { Simulator } from "../simulator/simulator.js";
import { roleRefusal, sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";

const CameraParamsSchema = z.object({ id: z.string().min(1) });

/**
 * Controls for tests, demos and benchmarks: make alarms and outages happen now. Registered only
 * on a backend started with --simulator-api, and then only a supervisor's session may use them.
 */
export function registerSimulatorRoutes(app: FastifyInstance, simulator: Simulator, outages: CameraOutages): void {
  app.post(SIMULATOR_PATHS.alarms, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), ["supervisor"], "the simulator's controls");
    if (refused !== null) return sendError(reply, refused);
    // An empty body means "one alarm, any priority".
    const body = parseWith(RaiseAlarmsRequestSchema, request.body ?? {}, "raise-alarms request");
    if (!body.ok) return sendError(reply, body.error);
    const ids = await simulator.raiseAlarms(body.value.count, body.value.priority);
    return sendValidated(reply, RaiseAlarmsResponseSchema, ok({ ids }));
  });

  const controls = () => ok({ alarmIntervalMs: simulator.currentAlarmIntervalMs, floodUntil: simulator.currentFloodUntil?.toISOString() ?? null });

  app.post(SIMULATOR_PATHS.rate, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), ["supervisor"], "the simulator's controls");
    if (refused !== null) return sendError(reply, refused);
    const body = parseWith(SimulatorRateRequestSchema, request.body, "simulator-rate request");
    if (!body.ok) return sendError(reply, body.error);
    simulator.setAlarmInterval(body.value.alarmIntervalMs);
    return sendValidated(reply, SimulatorControlResponseSchema, controls());
  });

  app.post(SIMULATOR_PATHS.flood, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), ["supervisor"], "the simulator's controls");
    if (refused !== null) return sendError(reply, refused);
    const body = parseWith(SimulatorFloodRequestSchema, request.body, "simulator-flood request");
    if (!body.ok) return sendError(reply, body.error);
    simulator.startFlood(body.value.perSecond, body.value.seconds, body.value.chatterShare, body.value.priority);
    return sendValidated(reply, SimulatorControlResponseSchema, controls());
  });

  app.post(SIMULATOR_PATHS.domainSamples, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), ["supervisor"], "the simulator's controls");
    if (refused !== null) return sendError(reply, refused);
    const body = parseWith(PublishDomainSamplesRequestSchema, request.body, "domain-samples request");
    if (!body.ok) return sendError(reply, body.error);
    const stranger = body.value.samples.find((s) => !simulator.hasWard(s.wardCode));
    if (stranger !== undefined) return sendError(reply, { kind: "invalid_request", message: `Ward ${stranger.wardCode} is not one of the city's wards.` });
    const alarmIds = await simulator.publishDomainSamples(body.value.samples);
    return sendValidated(reply, PublishDomainSamplesResponseSchema, ok({ alarmIds }));
  });

  app.post(SIMULATOR_PATHS.cameraOutage, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), ["supervisor"], "the simulator's controls");
    if (refused !== null) return sendError(reply, refused);
    const params = parseWith(CameraParamsSchema, request.params, "camera id");
    if (!params.ok) return sendError(reply, params.error);
    const body = parseWith(CameraOutageRequestSchema, request.body, "camera-outage request");
    if (!body.ok) return sendError(reply, body.error);
    const started = await outages.start(params.value.id, body.value.seconds, new Date());
    if (!started.ok) return sendError(reply, started.error);
    return sendValidated(reply, CameraOutageResponseSchema, started);
  });
}
