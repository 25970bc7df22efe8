/**
 * A Markdown source as the reader draws it: headings, paragraphs, lists, quotations, code and
 * emphasis, with every word on screen a span of the stored text (its "leaves"). The Markdown
 * syntax (`#`, `**`, `- `, link targets) lies between the leaves and is never drawn, so a
 * selection and the highlights still map to offsets in the stored text.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes, PhrasingContent, RootContent } from "mdast";
import type { TSpan } from "./segments";

export type TMarkdownInline =
  | { kind: "leaf"; span: TSpan }
  | { kind: "strong" | "emphasis" | "delete" | "link" | "code"; key: number; children: TMarkdownInline[] }
  | { kind: "break"; key: number };

export type TMarkdownBlock =
  | { kind: "heading"; key: number; depth: number; children: TMarkdownInline[] }
  | { kind: "paragraph"; key: number; children: TMarkdownInline[] }
  | { kind: "list"; key: number; ordered: boolean; first: number | null; items: TMarkdownBlock[][] }
  | { kind: "blockquote"; key: number; children: TMarkdownBlock[] }
  | { kind: "code"; key: number; children: TMarkdownInline[] }
  | { kind: "rule"; key: number };

/**
 * Markdown longer than this is drawn as plain text. The CommonMark parser's time grows faster
 * than the text on some inputs (thousands of unclosed `[` or `**`), so it runs in the reader's
 * browser only, after the page is shown, and only on texts that look like prose.
 */
export const MAX_RENDERED_MARKDOWN = 256 * 1024;
/**
 * Markdown punctuation allowed: a thousand marks, and 2 % of the characters beyond (prose with
 * emphasis and links has well under 1 %); the parser's cost grows with the number of marks.
 */
const MAX_MARKUP_SHARE = 0.02;
const MAX_MARKUP_BASE = 1000;
const MARKUP = new Set([0x5b, 0x5d, 0x28, 0x29, 0x2a, 0x5f, 0x60, 0x3c, 0x3e, 0x23, 0x7e]);

/** Whether `text` is drawn as rendered Markdown: not too long, and not mostly punctuation that costs the parser dearly. */
export function isRenderableMarkdown(text: string): boolean {
  if (text.length > MAX_RENDERED_MARKDOWN) return false;
  let markup = 0;
  for (let i = 0; i < text.length; i++) if (MARKUP.has(text.charCodeAt(i))) markup++;
  return markup <= MAX_MARKUP_BASE + text.length * MAX_MARKUP_SHARE;
}

/** The blocks of a renderable Markdown text, or null (drawn as plain text) when it is not, or cannot be parsed. */
export function readMarkdownBlocks(text: string): TMarkdownBlock[] | null {
  if (!isRenderableMarkdown(text)) return null;
  try {
    return parseMarkdownBlocks(text);
  } catch {
    // Nesting deep enough to exhaust the stack: plain text is still the whole text.
    return null;
  }
}

const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
const endOf = (node: Nodes): number => node.position?.end.offset ?? 0;

/** The span of a code node's own lines inside its fences (the value, found in its source), else all of it. */
function codeSpan(text: string, node: Nodes & { value: string }): TSpan {
  const start = startOf(node);
  const end = endOf(node);
  const at = node.value ? text.slice(start, end).indexOf(node.value) : -1;
  return at >= 0 ? { start: start + at, end: start + at + node.value.length } : { start, end };
}

function inline(text: string, nodes: readonly PhrasingContent[]): TMarkdownInline[] {
  const out: TMarkdownInline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "html":
        if (endOf(node) > startOf(node)) out.push({ kind: "leaf", span: { start: startOf(node), end: endOf(node) } });
        break;
      case "inlineCode":
        out.push({ kind: "code", key: startOf(node), children: [{ kind: "leaf", span: codeSpan(text, node) }] });
        break;
      case "strong":
      case "emphasis":
      case "delete":
        out.push({ kind: node.type, key: startOf(node), children: inline(text, node.children) });
        break;
      case "link":
      case "linkReference":
        out.push({ kind: "link", key: startOf(node), children: inline(text, node.children) });
        break;
      case "break":
        out.push({ kind: "break", key: startOf(node) });
        break;
      default:
        // Images and footnote marks have no words of the text to show.
        break;
    }
  }
  return out;
}

function blocks(text: string, nodes: readonly RootContent[]): TMarkdownBlock[] {
  const out: TMarkdownBlock[] = [];
  for (const node of nodes) {
    const key = startOf(node);
    switch (node.type) {
      case "heading":
        out.push({ kind: "heading", key, depth: node.depth, children: inline(text, node.children) });
        break;
      case "paragraph":
        out.push({ kind: "paragraph", key, children: inline(text, node.children) });
        break;
      case "list":
        out.push({ kind: "list", key, ordered: Boolean(node.ordered), first: node.start ?? null, items: node.children.map((item) => blocks(text, item.children)) });
        break;
      case "blockquote":
        out.push({ kind: "blockquote", key, children: blocks(text, node.children) });
        break;
      case "code":
        out.push({ kind: "code", key, children: [{ kind: "leaf", span: codeSpan(text, node) }] });
        break;
      case "html":
        out.push({ kind: "paragraph", key, children: [{ kind: "leaf", span: { start: key, end: endOf(node) } }] });
        break;
      case "thematicBreak":
        out.push({ kind: "rule", key });
        break;
      default:
        // Definitions (a link's target) and the like are not words of the article.
        break;
    }
  }
  return out;
}

/** The blocks of a Markdown text, every word a span of it. */
export function parseMarkdownBlocks(text: string): TMarkdownBlock[] {
  return blocks(text, fromMarkdown(text).children);
}

/** Every leaf of the blocks in text order: the spans of the text that are drawn. */
export function leavesOf(blocks: readonly TMarkdownBlock[]): TSpan[] {
  const spans: TSpan[] = [];
  const walkInline = (nodes: readonly TMarkdownInline[]) => {
    for (const node of nodes) {
      if (node.kind === "leaf") spans.push(node.span);
      else if (node.kind !== "break") walkInline(node.children);
    }
  };
  const walk = (nodes: readonly TMarkdownBlock[]) => {
    for (const block of nodes) {
      if (block.kind === "list") block.items.forEach(walk);
      else if (block.kind === "blockquote") walk(block.children);
      else if (block.kind !== "rule") walkInline(block.children);
    }
  };
  walk(blocks);
  return spans;
}

/**
 * The words of `[start, end)` as the rendered Markdown shows them: the pieces of the leaves
 * inside it, joined; a space where a line or block break lies between two leaves.
 */
export function visibleText(text: string, leaves: readonly TSpan[], start: number, end: number): string {
  let out = "";
  let last = -1;
  for (const leaf of leaves) {
    if (leaf.end <= start || leaf.start >= end) continue;
    const from = Math.max(start, leaf.start);
    if (last >= 0 && /\n/.test(text.slice(last, from)) && !/\s$/.test(out)) out += " ";
    out += text.slice(from, Math.min(end, leaf.end));
    last = Math.min(end, leaf.end);
  }
  return out;
}
