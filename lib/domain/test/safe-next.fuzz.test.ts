import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNext } from "../safe-next";

/** Another made-up origin than the one safeNext resolves against: a result must stay on any site. */
const ORIGIN = "https://x.invalid";

/** Pieces a crafted `next=` is made of: slashes both ways, dot segments, control characters, hosts, schemes. */
const PIECE = fc.oneof(
  fc.constantFrom("/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "\t", "\n", "\r", "\u0000", "\u001f", "\u007f", " ", "\u00a0", "\u3000"),
  fc.constantFrom("@", ":", "?", "#", "evil.com", "x.invalid", "https:", "javascript:", "//", "/\\", "\\/", "[", "]", "%00", "%09"),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const CRAFTED = fc.array(PIECE, { maxLength: 12 }).map((pieces) => pieces.join(""));

describe("safeNext on arbitrary input", () => {
  it("never returns a value that leaves the site", () => {
    fc.assert(
      fc.property(fc.oneof(CRAFTED, CRAFTED.map((s) => `/${s}`), fc.string({ unit: "binary" })), (next) => {
        const result = safeNext(next);
        expect(result.startsWith("/")).toBe(true);
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        // What is returned is already in the form the check saw: taking it again changes nothing.
        expect(safeNext(result)).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });

  it("takes the first of several values, and nothing from a missing one", () => {
    fc.assert(
      fc.property(fc.array(CRAFTED.map((s) => `/${s}`), { minLength: 1, maxLength: 3 }), (values) => {
        expect(safeNext(values)).toBe(safeNext(values[0]));
      }),
      { numRuns: 300 },
    );
    expect(safeNext([])).toBe("/");
  });

  it.each(["/.//evil.com", "/..//evil.com", "/a/..//evil.com", "/%2e//evil.com", "/%2E%2E//evil.com", "/.//stancemap.invalid/w"])(
    "sends %j home: its dot segment resolves to a path starting with //, another host to a browser",
    (next) => {
      expect(safeNext(next)).toBe("/");
    },
  );
});
