import { describe, expect, it } from "vitest";
import { derivePosition, resolvePosition, type TStancedEvidence } from "../position";

const author = (stance: TStancedEvidence["stance"]): TStancedEvidence => ({ stance, voice: "AUTHOR" });
const reported = (stance: TStancedEvidence["stance"]): TStancedEvidence => ({ stance, voice: "REPORTED" });

describe("derivePosition", () => {
  it("is SILENT without evidence", () => {
    expect(derivePosition([])).toBe("SILENT");
  });

  it("is SUPPORTS when the author's evidence supports", () => {
    expect(derivePosition([author("SUPPORTS")])).toBe("SUPPORTS");
  });

  it("is OPPOSES when the author's evidence opposes", () => {
    expect(derivePosition([author("OPPOSES"), author("OPPOSES")])).toBe("OPPOSES");
  });

  it("is MIXED when the author both supports and opposes", () => {
    expect(derivePosition([author("SUPPORTS"), author("OPPOSES")])).toBe("MIXED");
    expect(derivePosition([author("OPPOSES"), author("QUALIFIES"), author("SUPPORTS")])).toBe("MIXED");
  });

  it("lets support or opposition win over qualification", () => {
    expect(derivePosition([author("QUALIFIES"), author("SUPPORTS")])).toBe("SUPPORTS");
    expect(derivePosition([author("QUALIFIES"), author("OPPOSES")])).toBe("OPPOSES");
  });

  it("is QUALIFIES when the author only qualifies", () => {
    expect(derivePosition([author("QUALIFIES"), author("QUALIFIES")])).toBe("QUALIFIES");
  });

  it("never counts REPORTED evidence", () => {
    expect(derivePosition([reported("SUPPORTS")])).toBe("SILENT");
    // Nurimbetov reports the neo-realists' "anti-NATO bloc" view, then argues against it.
    expect(derivePosition([reported("SUPPORTS"), author("OPPOSES")])).toBe("OPPOSES");
    expect(derivePosition([reported("OPPOSES"), author("SUPPORTS"), reported("QUALIFIES")])).toBe("SUPPORTS");
  });
});

describe("resolvePosition", () => {
  it("counts every link, reported ones included, but derives from the author's own", () => {
    const resolved = resolvePosition([reported("SUPPORTS"), author("OPPOSES")]);
    expect(resolved).toEqual({ stance: "OPPOSES", derived: "OPPOSES", evidenceCount: 2, explicit: false, note: null, version: null });
  });

  it("sums pre-grouped counts", () => {
    expect(resolvePosition([{ stance: "SUPPORTS", voice: "AUTHOR", count: 3 }, { stance: "OPPOSES", voice: "REPORTED", count: 2 }]).evidenceCount).toBe(5);
  });

  it("lets an explicit position win and marks it, keeping the derived one", () => {
    const resolved = resolvePosition([author("SUPPORTS")], { stance: "QUALIFIES", note: "Hedged in the conclusion", version: 3 });
    expect(resolved).toEqual({ stance: "QUALIFIES", derived: "SUPPORTS", evidenceCount: 1, explicit: true, note: "Hedged in the conclusion", version: 3 });
  });

  it("allows an explicit position where there is no evidence", () => {
    expect(resolvePosition([], { stance: "OPPOSES" })).toMatchObject({ stance: "OPPOSES", derived: "SILENT", explicit: true, evidenceCount: 0 });
  });
});
