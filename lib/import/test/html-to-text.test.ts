import { describe, expect, it } from "vitest";
import { timeSync } from "../../testing/stall-probe";
import { htmlToText, pageTitle } from "../html/html-to-text";

describe("htmlToText", () => {
  it("keeps the article's text with paragraphs apart, and drops scripts, styles and navigation", () => {
    const html = `<!doctype html><html><head><title>The SCO &amp; NATO</title><style>p { color: red }</style>
      <script>alert("x")</script></head><body><nav>Home | About</nav>
      <h1>The SCO</h1><p>First <b>paragraph</b>, with a <a href="https://example.org">link</a>.</p>
      <script>document.write("injected")</script><p>Second&nbsp;paragraph — “quoted”.</p><img src="x" alt="a chart"></body></html>`;
    const { text, title } = htmlToText(html);
    expect(title).toBe("The SCO & NATO");
    expect(text).toBe("The SCO\n\nFirst paragraph, with a link.\n\nSecond\u00a0paragraph — “quoted”.");
    expect(text).not.toMatch(/alert|injected|color|Home \| About|example\.org|chart/);
  });

  it("gives no title for a fragment and still extracts text", () => {
    expect(htmlToText("<p>Just <i>this</i>.</p>")).toEqual({ text: "Just this.", title: null });
  });

  it("finds the title in linear time, even among 8 MB of unclosed <title tags", () => {
    const hostile = "<title".repeat(1_400_000);
    const { result, ms } = timeSync(() => pageTitle(hostile));
    expect(result).toBeNull();
    expect(ms).toBeLessThan(1000);
    const late = `${"<titlex ".repeat(200_000)}<title lang="en">Found &amp; kept</title>`;
    expect(timeSync(() => pageTitle(late)).result).toBe("Found & kept");
    expect(pageTitle("<TITLE>Upper</TITLE>")).toBe("Upper");
    expect(pageTitle("<title>never closed")).toBeNull();
  });
});
