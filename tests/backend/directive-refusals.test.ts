import { describe, expect, it } from "vitest";
import { directiveEscalationRefusal, directiveWardId, directiveWardRefusal } from "../../backend/province/directive-refusals.js";
import type { StoredEntity } from "../../backend/store/backend-store.js";

const send = { type: "directive_send" as const, target: { kind: "directive" as const, id: "dir-0123456789" }, cityId: "uong-bi", text: "x", priority: "high" as const, wardCode: "06808", location: null, dueAt: null, escalationId: null };

describe("the province's check of a directive's ward", () => {
  const store = (ids: string[]) => ({ getEntity: async (_kind: string, id: string): Promise<StoredEntity | null> => (ids.includes(id) ? ({ data: {}, seq: 1 }) : null) });

  it("looks up the ward under its city, and lets a directive without a ward or another command pass", async () => {
    expect(directiveWardId(send)).toBe("uong-bi~06808");
    expect(directiveWardId({ ...send, wardCode: null })).toBeNull();
    expect(directiveWardId({ type: "directive_acknowledge", target: send.target })).toBeNull();
    expect(await directiveWardRefusal(store(["uong-bi~06808"]), send)).toBeNull();
    expect(await directiveWardRefusal(store([]), { ...send, wardCode: null })).toBeNull();
  });

  it("refuses a ward the city did not tell, or another city's, saying which", async () => {
    const refusal = await directiveWardRefusal(store(["cam-pha~06808"]), send);
    expect(refusal).toMatchObject({ kind: "invalid_request", message: expect.stringContaining("06808") });
  });
});

describe("the province's check of the escalation a directive answers", () => {
  const held = (ids: string[]) => ({ getEntity: async (kind: string, id: string): Promise<StoredEntity | null> => (kind === "escalation" && ids.includes(id) ? { data: {}, seq: 1 } : null) });

  it("takes one of the addressed city's escalations the province holds, and a directive that answers none", async () => {
    expect(await directiveEscalationRefusal(held(["uong-bi~alm-1~0"]), { ...send, escalationId: "uong-bi~alm-1~0" })).toBeNull();
    expect(await directiveEscalationRefusal(held([]), send)).toBeNull();
  });

  it("refuses another city's escalation, or one the province does not hold, saying which", async () => {
    expect(await directiveEscalationRefusal(held(["cam-pha~alm-1~0"]), { ...send, escalationId: "cam-pha~alm-1~0" })).toMatchObject({ kind: "invalid_request", message: expect.stringContaining("cam-pha~alm-1~0") });
    expect(await directiveEscalationRefusal(held([]), { ...send, escalationId: "uong-bi~alm-9~0" })).toMatchObject({ kind: "invalid_request" });
  });
});
