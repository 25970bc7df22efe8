import { describe, expect, it } from "vitest";
import { segmentText, splitParagraphs } from "../segments";

const text = "\n\nFirst para with words.\nSame para.\n \n\nSecond para here.\n";
const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);

describe("splitParagraphs", () => {
  it("splits on blank lines, even ones holding spaces, and keeps single newlines inside", () => {
    expect(splitParagraphs(text).map(slice)).toEqual(["First para with words.\nSame para.", "Second para here."]);
  });
});

describe("segmentText", () => {
  const at = (needle: string) => text.indexOf(needle);

  it("never changes a character: the runs of each paragraph join back into it", () => {
    const paragraphs = segmentText(text, [{ id: "a", start: at("para with"), end: at("here") }]);
    for (const p of paragraphs) expect(p.segments.map(slice).join("")).toBe(slice(p));
  });

  it("cuts an excerpt that crosses a paragraph break into one run per paragraph, the first marked first", () => {
    const paragraphs = segmentText(text, [{ id: "a", start: at("Same"), end: at(" here") }]);
    const runs = paragraphs.flatMap((p) => p.segments).filter((s) => s.excerpts.length > 0);
    expect(runs.map(slice)).toEqual(["Same para.", "Second para"]);
    expect(runs.map((s) => s.excerpts[0].first)).toEqual([true, false]);
  });

  it("nests overlapping excerpts outermost first and marks each one's first run", () => {
    const outer = { id: "outer", start: at("First"), end: at("words") + 5 };
    const inner = { id: "inner", start: at("para with"), end: at(" with") };
    const [paragraph] = segmentText(text, [inner, outer]);
    const shape = paragraph.segments.map((s) => [slice(s), s.excerpts.map((x) => `${x.excerpt.id}${x.first ? "*" : ""}`)]);
    expect(shape).toEqual([
      ["First ", ["outer*"]],
      ["para", ["outer", "inner*"]],
      [" with words", ["outer"]],
      [".\nSame para.", []],
    ]);
  });

  it("clamps offsets to the text and drops empty excerpts", () => {
    const paragraphs = segmentText(text, [
      { id: "empty", start: 5, end: 5 },
      { id: "past", start: at("here"), end: text.length + 10 },
    ]);
    const ids = paragraphs.flatMap((p) => p.segments.flatMap((s) => s.excerpts.map((x) => x.excerpt.id)));
    expect(ids).toEqual(["past"]);
  });
});
