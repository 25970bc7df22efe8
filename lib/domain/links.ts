/**
 * Plain text with its web addresses found, for rendering user text as text with clickable links
 * (never as HTML). Only `http://` and `https://` addresses written out in full become links: no
 * `javascript:`, `data:`, `mailto:`, protocol-relative or bare-domain guesses.
 */
import { LinkifyIt } from "linkify-it";

export type TTextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add("ftp:", null).add("mailto:", null).add("//", null);

const WEB = /^https?:\/\//i;

/**
 * Splits `text` into runs of plain text and links, in order; joining every part's `text` gives
 * back `text` exactly. A link's `href` is the address as linkify-it normalises it (e.g. an
 * internationalised domain in punycode), and always starts with http:// or https://.
 */
export function splitLinks(text: string): TTextPart[] {
  const matches = linkify.match(text) ?? [];
  const parts: TTextPart[] = [];
  let at = 0;
  for (const m of matches) {
    if (!WEB.test(m.raw) || !WEB.test(m.url)) continue;
    if (m.index > at) parts.push({ kind: "text", text: text.slice(at, m.index) });
    parts.push({ kind: "link", text: text.slice(m.index, m.lastIndex), href: m.url });
    at = m.lastIndex;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}
