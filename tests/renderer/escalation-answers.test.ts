import { describe, expect, it } from "vitest";
import type { Directive } from "../../shared/domain/directive.js";
import { answeredRecordId, directivesAnswering } from "../../renderer/src/features/directives/model/escalation-answers.js";

function directive(id: string, escalationId: string | null, sentAt: string, cityId = "uong-bi"): Directive {
  return {
    id,
    cityId,
    text: id,
    priority: "high",
    wardCode: null,
    location: null,
    dueAt: null,
    escalationId,
    sentAt,
    sentByName: "Trần Văn Tỉnh",
    state: "delivered",
    deliveredAt: sentAt,
    acknowledgedByName: null,
    acknowledgedAt: null,
    doneByName: null,
    doneAt: null,
    doneNote: null,
    reportedState: null,
  };
}

const T0 = "2026-12-04T10:00:00.000Z";

describe("the province's answers to an escalation", () => {
  const all = [
    directive("dir-00000003", "uong-bi~alm-7~0", "2026-12-04T10:03:00.000Z"),
    directive("dir-00000001", "uong-bi~alm-7~0", "2026-12-04T10:01:00.000Z"),
    directive("dir-00000002", "uong-bi~alm-7~1", "2026-12-04T10:02:00.000Z"),
    directive("dir-00000004", "uong-bi~alm-77~0", "2026-12-04T10:04:00.000Z"),
    directive("dir-00000005", "uong-bi~x~alm-7~0", "2026-12-04T10:05:00.000Z"),
    directive("dir-00000006", null, "2026-12-04T10:06:00.000Z"),
    // Addressed to this city but naming another city's escalation of a record with the same id.
    directive("dir-00000007", "cam-pha~alm-7~0", "2026-12-04T10:07:00.000Z"),
  ];

  it("are the directives naming that record's n-th escalation, oldest first", () => {
    expect(directivesAnswering(all, "alm-7", 0).map((d) => d.id)).toEqual(["dir-00000001", "dir-00000003"]);
    expect(directivesAnswering(all, "alm-7", 1).map((d) => d.id)).toEqual(["dir-00000002"]);
  });

  it("never match another record whose id ends the same, or another escalation of it", () => {
    expect(directivesAnswering(all, "m-7", 0)).toEqual([]);
    expect(directivesAnswering(all, "alm-7", 2)).toEqual([]);
    // The record is all between the city and the index: "x~alm-7" is not "alm-7".
    expect(directivesAnswering(all, "x~alm-7", 0).map((d) => d.id)).toEqual(["dir-00000005"]);
  });

  it("never match an escalation of another city", () => {
    expect(directivesAnswering(all, "alm-7", 0).map((d) => d.id)).not.toContain("dir-00000007");
  });
});

describe("the record a directive answers", () => {
  it("is the part of its escalation's key between its own city and the index", () => {
    expect(answeredRecordId(directive("dir-1", "uong-bi~alm-7~0", T0))).toBe("alm-7");
    expect(answeredRecordId(directive("dir-1", "uong-bi~x~alm-7~12", T0))).toBe("x~alm-7");
    expect(answeredRecordId(directive("dir-1", "uong-bi~inc-0b8f5a2e~1", T0))).toBe("inc-0b8f5a2e");
  });

  it("is none for a directive that answers nothing, another city's escalation, or a malformed key", () => {
    expect(answeredRecordId(directive("dir-1", null, T0))).toBeNull();
    expect(answeredRecordId(directive("dir-1", "cam-pha~alm-7~0", T0))).toBeNull();
    expect(answeredRecordId(directive("dir-1", "uong-bi~alm-7", T0))).toBeNull();
    expect(answeredRecordId(directive("dir-1", "uong-bi~~0", T0))).toBeNull();
  });
});
