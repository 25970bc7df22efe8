import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toAif } from "../aif/to-aif";
import { toAnnotations } from "../annotations/to-annotations";
import { escapeArgdown, toArgdown } from "../argdown/to-argdown";
import { evidenceToCsv, matrixToCsv, neutraliseFormula } from "../csv/to-csv";
import { escapeMarkdown, markdownDestination, toMarkdown } from "../markdown/to-markdown";
import { fixtureGraph } from "./fixture";
import { aifProblems, annotationProblems, parseArgdown } from "./validators";

const graph = fixtureGraph();

describe("CSV", () => {
  it("writes the matrix: one row per claim, one column per author, parsed back by papaparse", () => {
    const csv = matrixToCsv(graph);
    expect(csv.endsWith("\r\n")).toBe(true);
    const { data, errors } = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ",", newline: "\r\n" });
    expect(errors).toEqual([]);
    expect(data).toEqual([
      ["Claim", "Tags", "Katz (2008)", "ECFR (2022)"],
      ["The SCO is an anti-NATO bloc.", "security", "Opposes", "Supports (set by hand)"],
      ["The SCO is a talk shop, mostly.", "", "Supports", "Qualifies"],
      ["Nobody has argued this yet.", "", "Silent", "Silent"],
    ]);
    expect(csv).toContain('"The SCO is a talk shop, mostly."');
  });

  it("writes the evidence table with RFC 4180 quoting of quotes, commas and line breaks", () => {
    const csv = evidenceToCsv(graph);
    const { data, errors } = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(errors).toEqual([]);
    expect(data).toHaveLength(4);
    expect(Object.keys(data[0])).toEqual(["Claim", "Author", "Source", "Published", "Stance", "Voice", "Quote", "Start", "End", "Note", "Page"]);
    expect(data[0]).toMatchObject({ Author: "Mark N. Katz", Stance: "opposes", Voice: "author", Quote: graph.excerpts[0].exact, Start: "0", Note: "Katz's own view, with a comma" });
    expect(data[2]).toMatchObject({ Voice: "reported", Published: "2022-09" });
    // A quote starting like a formula starts with an apostrophe, so a spreadsheet shows it as text.
    expect(data.some((row) => row.Quote.startsWith("'=SUM(A1) is not a claim. "))).toBe(true);
    expect(csv).not.toMatch(/(^|,)"?=SUM/m);
  });

  it("starts with a byte order mark only when asked", () => {
    expect(matrixToCsv(graph).charCodeAt(0)).not.toBe(0xfeff);
    expect(matrixToCsv(graph, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});

describe("Markdown handout", () => {
  it("has each claim with every author's position and the quotes with citations", () => {
    const md = toMarkdown(graph);
    expect(md).toContain("# Tiny \\*map\\*");
    expect(md).toContain("## 1\\. The SCO is an anti-NATO bloc.");
    expect(md).toContain("| Mark N. Katz | 2008 | Opposes |");
    expect(md).toContain("| ECFR | Sep 2022 | Supports (set by hand) |");
    expect(md).toContain("> — Mark N. Katz, “Russia's setbacks, 2008”, Journal, 2008");
    expect(md).toContain("reports a view it does not hold");
    expect(md).toContain("*No quotes yet.*");
    // The quote's line break stays inside the block quote, and its brackets stay text.
    expect(md).toContain("> A second line, with \\[brackets\\] and #hash.");
  });

  it("escapes what would format, and leaves plain punctuation alone", () => {
    expect(escapeMarkdown("a *b* _c_ [d](e) <img> | f.")).toBe("a \\*b\\* \\_c\\_ \\[d\\](e) \\<img\\> \\| f.");
    expect(escapeMarkdown("# not a heading\n- not a list\n1. not a list")).toBe("\\# not a heading\n\\- not a list\n1\\. not a list");
  });
});

describe("Argdown", () => {
  it("parses in @argdown/core without errors, with one statement per claim, one argument per evidence link and the relations", () => {
    const parsed = parseArgdown(toArgdown(graph));
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements).toHaveLength(3);
    expect(parsed.arguments).toHaveLength(4);
    // Claim link + supporting and opposing evidence (qualifying evidence has no Argdown relation).
    expect(parsed.relations).toHaveLength(1 + 3);
    const kinds = parsed.relations.map((r) => `${r.from!.title} ${r.relationType} ${r.to!.title}`).sort();
    expect(kinds).toEqual([
      "ECFR 2022 1 support The SCO is an anti-NATO bloc",
      "Katz 2008 1 attack The SCO is an anti-NATO bloc",
      "Katz 2008 2 support The SCO is a talk shop mostly",
      "The SCO is a talk shop mostly attack The SCO is an anti-NATO bloc",
    ]);
  });

  it("keeps awkward quotes as text (no tags, links, comments or arrows read into them)", () => {
    const parsed = parseArgdown(toArgdown(graph));
    const katz = parsed.arguments.find((a) => a.title === "Katz 2008 1")!;
    const text = katz.members[0].text!;
    expect(text).toContain('the SCO is "not a bloc", and the U.S. knows it. See https://example.org/a#b. A second line, with [brackets] and #hash.');
    expect(katz.data).toMatchObject({ author: "Mark N. Katz", published: "2008", stance: "opposes", voice: "author" });
    const arrow = parsed.arguments.find((a) => a.title === "ECFR 2022 2")!;
    expect(arrow.members[0].text).toContain("NATO-like talk -> nothing.");
    expect(escapeArgdown("a // b")).toBe("a \\/\\/ b");
  });

  it("escapes as the plain chain of replacements does: white space collapsed, syntax escaped, a leading sign escaped", () => {
    const chain = (text: string) =>
      text
        .replace(/\s+/g, " ")
        .trim()
        .replace(/[\\@#*_[\]{}<>/]/g, "\\$&")
        .replace(/[.:](?=\S)/g, "\\$&")
        .replace(/^([+-])/, "\\$1");
    const samples = [
      "Plain words, nothing to escape.",
      "  padded\tby tabs\u00a0and  double  spaces \n",
      "U.S. policy: see https://example.org/a#b and @someone's *view* [1] {x} <!-- c --> a -> b",
      "-starts with a dash",
      "+starts with a plus",
      " - a dash after a space",
      "ends with a colon:",
      "a.b:c .d :e",
      "back\\slash_and_underscores",
      "",
      "\u2028line\u2029separators\ufeff",
    ];
    for (const text of samples) expect(escapeArgdown(text), JSON.stringify(text)).toBe(chain(text));
  });
});

describe("AIF", () => {
  it("has I-nodes for claims and quotes, RA/CA for support and conflict, L and YA for who said it — and passes AIF's graph rules", () => {
    const aif = toAif(graph);
    expect(aifProblems(aif)).toEqual([]);
    const count = (type: string) => aif.nodes.filter((n) => n.type === type).length;
    expect(count("I")).toBe(3 + 3); // three claims, three cited excerpts (x4 backs no claim)
    expect(count("L")).toBe(3);
    expect(count("YA")).toBe(3);
    expect(count("RA")).toBe(3); // e2 supports, e3 supports, e4 qualifies
    expect(count("CA")).toBe(2); // e1 opposes, link l1 opposes
    expect(aif.participants).toEqual([
      { participantID: "1", firstname: "Mark N.", surname: "Katz" },
      { participantID: "2", firstname: "ECFR", surname: "" },
    ]);
    expect(aif.nodes.find((n) => n.type === "L")?.text).toMatch(/^Katz: Katz wrote/);
  });

  it("reports what breaks AIF: a dangling edge, a duplicate id, an RA without conclusion", () => {
    const aif = toAif(graph);
    aif.edges.push({ edgeID: "999", fromID: "1", toID: "404", formEdgeID: null });
    aif.nodes.push({ ...aif.nodes[0] });
    aif.nodes.push({ nodeID: "500", text: "Default Inference", type: "RA", timestamp: "2008-01-01 00:00:00" });
    expect(aifProblems(aif)).toEqual(["node id 1 is used twice", "edge 999 has a missing end (1 → 404)", "RA node 500 needs premises from I-nodes", "RA node 500 needs exactly one I-node conclusion"]);
  });
});

describe("W3C annotations", () => {
  it("is a valid AnnotationCollection: every excerpt with a TextQuote and a TextPosition selector, the claim and stance as body", () => {
    const collection = toAnnotations(graph, "https://maps.example.org/") as { first: { items: Record<string, any>[] }; total: number };
    expect(annotationProblems(collection)).toEqual([]);
    expect(collection.total).toBe(5);
    const first = collection.first.items[0];
    expect(first).toMatchObject({ id: "https://maps.example.org/w/tiny/annotations/e1", motivation: "linking", target: { source: "https://example.org/katz" } });
    expect(first.body).toEqual([
      { id: "https://maps.example.org/w/tiny/claims/c1", type: "TextualBody", value: "The SCO is an anti-NATO bloc.", format: "text/plain", purpose: "linking" },
      { type: "TextualBody", value: "opposes", purpose: "classifying" },
      { type: "TextualBody", value: "Katz's own view, with a comma", format: "text/plain", purpose: "commenting" },
    ]);
    expect(first.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: graph.excerpts[0].exact, prefix: "", suffix: "" },
      { type: "TextPositionSelector", start: 0, end: graph.excerpts[0].end },
    ]);
    // A source without its own URL is targeted by its page in the app; an uncited excerpt is a highlight.
    expect(collection.first.items[2].target.source).toBe("https://maps.example.org/w/tiny/sources/s-n");
    expect(collection.first.items[4]).toMatchObject({ motivation: "highlighting" });
    expect(collection.first.items[4].body).toBeUndefined();
  });

  it("the schema refuses what the model forbids", () => {
    const collection = toAnnotations(graph, "https://maps.example.org") as { "@context": string; first: { items: Record<string, any>[] } };
    expect(annotationProblems({ ...collection, "@context": "https://schema.org" })).not.toEqual([]);
    const broken = structuredClone(collection);
    delete broken.first.items[0].target;
    expect(annotationProblems(broken)).not.toEqual([]);
    const noQuote = structuredClone(collection);
    noQuote.first.items[0].target.selector[0] = { type: "TextQuoteSelector", prefix: "x" };
    expect(annotationProblems(noQuote)).not.toEqual([]);
  });
});

describe("CSV cells a spreadsheet would evaluate", () => {
  it.each(["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("starts %j with an apostrophe", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone, and marks a claim in the matrix CSV", () => {
    expect(neutraliseFormula("The SCO = a club")).toBe("The SCO = a club");
    const tricky = { ...graph, claims: [{ ...graph.claims[0], text: "=HYPERLINK(\"https://evil.example\")" }, ...graph.claims.slice(1)] };
    const [row] = Papa.parse<Record<string, string>>(matrixToCsv(tricky), { header: true, skipEmptyLines: true }).data;
    expect(row.Claim).toBe("'=HYPERLINK(\"https://evil.example\")");
  });
});

describe("Markdown links to sources", () => {
  it("writes a source's address as a destination nothing in it can break out of", () => {
    expect(markdownDestination("https://example.org/a b)<script>")).toBe("https://example.org/a%20b)%3Cscript%3E");
    expect(markdownDestination("javascript:alert(1)")).toBe("");
    const withUrl = { ...graph, sources: graph.sources.map((s, i) => (i === 0 ? { ...s, url: "https://example.org/x) [y](z" } : { ...s, url: "javascript:alert(1)" })) };
    const md = toMarkdown(withUrl);
    expect(md).toContain("](<https://example.org/x)%20[y](z>)");
    expect(md).not.toContain("javascript:");
  });
});

describe("quotes from a source with pages", () => {
  // "Rogue NATO" read from a PDF: its second page starts at offset 20, so x2 (from 0) is on p. 1 and x3 (from 27) on p. 2.
  const paged = { ...graph, sources: graph.sources.map((s) => (s.id === "s-n" ? { ...s, pages: [0, 20] } : s)) };

  it("are cited by page in the Markdown handout, and not for sources without pages", () => {
    const markdown = toMarkdown(paged);
    expect(markdown).toContain("“Rogue NATO”, Sep 2022, p. 1");
    expect(markdown).toContain("“Rogue NATO”, Sep 2022, p. 2");
    expect(markdown).not.toMatch(/Russia's setbacks, 2008”, Journal, 2008, p\./);
    expect(toMarkdown(graph)).not.toContain(", p. ");
  });

  it("carry their page in the evidence CSV's last column, empty without pages", () => {
    const rows = Papa.parse<Record<string, string>>(evidenceToCsv(paged).trim(), { header: true }).data;
    expect(rows.map((r) => [r.Source, r.Start, r.Page]).sort()).toEqual([
      ["Rogue NATO", "0", "1"],
      ["Rogue NATO", "27", "2"],
      ["Russia's setbacks, 2008", "0", ""],
      ["Russia's setbacks, 2008", "0", ""],
    ]);
  });
});
