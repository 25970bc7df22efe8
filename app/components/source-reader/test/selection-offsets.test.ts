import { describe, expect, it } from "vitest";
import { trimSpan } from "../selection-offsets";

describe("trimSpan", () => {
  const text = "  First line.\n\nSecond 😀 line.  ";

  it("drops white space at both edges, including a hidden paragraph break", () => {
    const span = trimSpan(text, 0, text.indexOf("Second"));
    expect(span && text.slice(span.start, span.end)).toBe("First line.");
  });

  it("keeps a break inside the passage, so a quote across paragraphs is exact", () => {
    const span = trimSpan(text, text.indexOf("line."), text.indexOf(" line.  ") + 1);
    expect(span && text.slice(span.start, span.end)).toBe("line.\n\nSecond 😀");
  });

  it("never cuts a surrogate pair in half", () => {
    const emoji = text.indexOf("😀");
    const span = trimSpan(text, emoji + 1, emoji + 1 + 1);
    expect(span).toEqual({ start: emoji, end: emoji + 2 });
  });

  it("clamps to the text and returns null for white space only", () => {
    expect(trimSpan(text, -5, 3)).toEqual({ start: 2, end: 3 });
    expect(trimSpan(text, text.length - 2, text.length + 10)).toBeNull();
    expect(trimSpan(text, 0, 2)).toBeNull();
  });
});
