import WebSocket from "ws";
import { z } from "zod";

/** How long one inspector call may take before the bench gives up on it (a worker that just exited). */
const CALL_TIMEOUT_MS = 10_000;

const TargetListSchema = z.array(z.object({ webSocketDebuggerUrl: z.string() })).min(1);
const ReplySchema = z.object({ id: z.number(), error: z.object({ message: z.string() }).optional() });
const AttachedSchema = z.object({ method: z.literal("NodeWorker.attachedToWorker"), params: z.object({ sessionId: z.string() }) });
const DetachedSchema = z.object({ method: z.literal("NodeWorker.detachedFromWorker"), params: z.object({ sessionId: z.string() }) });
const FromWorkerSchema = z.object({ method: z.literal("NodeWorker.receivedMessageFromWorker"), params: z.object({ sessionId: z.string(), message: z.string() }) });

/**
 * A benchmark's handle on a Node process started with --inspect on loopback: it can run a full
 * garbage collection in the main thread and in every worker thread, so that the process's resident
 * memory is read with no garbage in it (as the renderer's heap is read after a collection).
 */
export interface NodeInspector {
  collectGarbageEverywhere(): Promise<void>;
  close(): void;
}

export async function connectNodeInspector(port: number): Promise<NodeInspector> {
  const targets = TargetListSchema.parse(await (await fetch(`http://127.0.0.1:${port}/json/list`)).json());
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 0;
  const waiting = new Map<number, () => void>();
  const workers = new Set<string>();
  const settle = (id: number) => {
    waiting.get(id)?.();
    waiting.delete(id);
  };
  socket.on("message", (raw: Buffer) => {
    const message: unknown = JSON.parse(raw.toString());
    const reply = ReplySchema.safeParse(message);
    if (reply.success) return settle(reply.data.id);
    const attached = AttachedSchema.safeParse(message);
    if (attached.success) return void workers.add(attached.data.params.sessionId);
    const detached = DetachedSchema.safeParse(message);
    if (detached.success) return void workers.delete(detached.data.params.sessionId);
    const fromWorker = FromWorkerSchema.safeParse(message);
    if (fromWorker.success) {
      const inner = ReplySchema.safeParse(JSON.parse(fromWorker.data.params.message));
      if (inner.success) settle(inner.data.id);
    }
  });
  const awaitReply = (id: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => settle(id), CALL_TIMEOUT_MS);
      waiting.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  const call = (method: string, params: object = {}) => {
    const id = ++nextId;
    const replied = awaitReply(id);
    socket.send(JSON.stringify({ id, method, params }));
    return replied;
  };
  const callInWorker = (sessionId: string, method: string) => {
    const id = ++nextId;
    const replied = awaitReply(id);
    socket.send(JSON.stringify({ id: ++nextId, method: "NodeWorker.sendMessageToWorker", params: { sessionId, message: JSON.stringify({ id, method }) } }));
    return replied;
  };
  await call("NodeWorker.enable", { waitForDebuggerOnStart: false });
  return {
    async collectGarbageEverywhere() {
      await call("HeapProfiler.collectGarbage");
      for (const sessionId of workers) await callInWorker(sessionId, "HeapProfiler.collectGarbage");
    },
    close: () => socket.close(),
  };
}
