import { describe, expect, it } from "vitest";
import { splitLinks } from "../links";

const joined = (text: string) => splitLinks(text).map((p) => p.text).join("");
const links = (text: string) => splitLinks(text).flatMap((p) => (p.kind === "link" ? [p.href] : []));

describe("splitLinks", () => {
  it("finds http and https addresses and keeps the text around them", () => {
    const text = "See https://example.org/report?page=2#s3, and (http://think.tank/sco).";
    expect(splitLinks(text)).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.org/report?page=2#s3", href: "https://example.org/report?page=2#s3" },
      { kind: "text", text: ", and (" },
      { kind: "link", text: "http://think.tank/sco", href: "http://think.tank/sco" },
      { kind: "text", text: ")." },
    ]);
    expect(joined(text)).toBe(text);
  });

  it("makes no link of other schemes, bare domains, e-mail addresses or protocol-relative addresses", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "www.example.org", "mail me at a@b.org", "mailto:a@b.org", "//evil.example/x", "ftp://files.example/x"]) {
      expect(links(text), text).toEqual([]);
      expect(joined(text)).toBe(text);
    }
  });

  it("leaves markup as text; a link's address always starts with http(s)://", () => {
    expect(splitLinks("<img src=x onerror=alert(1)>")).toEqual([{ kind: "text", text: "<img src=x onerror=alert(1)>" }]);
    // Quotes may belong to an address; it is rendered as an attribute value, never as markup.
    const text = 'x https://example.org/"onmouseover="alert(1) javascript:https://example.org';
    for (const href of links(text)) expect(href).toMatch(/^https?:\/\//);
    expect(joined(text)).toBe(text);
  });

  it("handles empty text, text without links, several lines and unicode addresses", () => {
    expect(splitLinks("")).toEqual([]);
    expect(splitLinks("no links here")).toEqual([{ kind: "text", text: "no links here" }]);
    const text = "first https://a.example/x\nsecond https://пример.рф/путь";
    expect(links(text)).toEqual(["https://a.example/x", "https://пример.рф/путь"]);
    expect(joined(text)).toBe(text);
  });
});
