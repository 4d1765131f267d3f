import { CHANGED_COLLECTIONS, changedCollections, ConsoleEventSchema, type ChangedCollection, type ConsoleEvent } from "../../../shared/protocol/console-api.js";
import { describeZodError } from "../../../shared/result.js";
import { z } from "zod";
import { compactParsedObjects } from "./compact-objects.js";

export interface ParsedEvent {
  event: ConsoleEvent | null;
  /** What had to be dropped, one sentence each. */
  problems: string[];
}

type ChangedEvent = Extract<ConsoleEvent, { type: "changed" }>;

/** A "changed" event whose collections are read item by item (built from the same list as the event's schema). */
const LooseChangedSchema = z.object({
  type: z.literal("changed"),
  ...changedCollections(() => z.array(z.unknown()).optional()),
  removed: z.record(z.string(), z.array(z.string())).optional(),
});

/**
 * Validate one core event. A `changed` event with a few bad items keeps its good ones:
 * one malformed alarm must not hide every other update in the same batch.
 */
export function parseConsoleEvent(data: unknown): ParsedEvent {
  const strict = ConsoleEventSchema.safeParse(data);
  if (strict.success) return { event: compactParsedObjects(strict.data), problems: [] };

  const loose = LooseChangedSchema.safeParse(data);
  if (!loose.success) {
    return { event: null, problems: [`Malformed event dropped: ${describeZodError(strict.error)}`] };
  }

  const problems: string[] = [];
  const event: ChangedEvent = { type: "changed" };
  // Each item checked by the very schema the event's own uses for that collection.
  const salvage = (name: ChangedCollection) => {
    const items = loose.data[name];
    if (items === undefined) return;
    const schema: z.ZodType = CHANGED_COLLECTIONS[name];
    const kept: unknown[] = [];
    items.forEach((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else problems.push(`Malformed ${name}[${index}] dropped: ${describeZodError(parsed.error)}`);
    });
    (event as Record<ChangedCollection, unknown>)[name] = kept;
  };
  for (const name of Object.keys(CHANGED_COLLECTIONS) as ChangedCollection[]) salvage(name);
  if (loose.data.removed !== undefined) event.removed = loose.data.removed;
  return { event: compactParsedObjects(event), problems };
}
