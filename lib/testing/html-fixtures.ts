/**
 * A saved web page of a corpus article, as a news site would serve it: a navigation bar, a cookie
 * banner, the article with its metadata (citation_* tags, Open Graph, JSON-LD), related links and
 * a footer — everything around the article that a source must not keep.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** Katz's 2008 article from the demo corpus: the article both fixtures print. */
export const KATZ_FILE = path.join(process.cwd(), "prisma/seed/corpus/katz-lonely-road-2008.txt");

export const HTML_BOILERPLATE = [
  "Home Regions Topics Subscribe",
  "We use cookies to improve your experience. Accept all cookies",
  "Related: Eager Eyes Fixed on Eurasia",
  "© 2008 Slavic Research Center. All rights reserved. Privacy policy",
];

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Katz's article as a web page; `{ html, paragraphs }`. */
export function makeArticleHtml(file = KATZ_FILE): { html: string; paragraphs: string[] } {
  const paragraphs = readFileSync(file, "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  const [title, byline, ...body] = paragraphs;
  const ld = JSON.stringify({ "@context": "https://schema.org", "@type": "ScholarlyArticle", headline: title, datePublished: "2008-10-01", author: { "@type": "Person", name: "Mark N. Katz" } });
  const html = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | Slavic Research Center</title>
<meta property="og:site_name" content="Slavic Research Center">
<meta name="citation_title" content="${escapeHtml(title)}">
<meta name="citation_author" content="Katz, Mark N.">
<meta name="citation_publication_date" content="2008/10">
<script type="application/ld+json">${ld}</script>
<script>window.tracking = { page: "article" };</script>
<style>.cookie-banner { position: fixed; }</style>
</head><body>
<header class="site-header"><nav class="main-nav"><a href="/">Home</a> <a href="/regions">Regions</a> <a href="/topics">Topics</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="cookie-banner" id="gdpr-consent"><p>We use cookies to improve your experience. <button>Accept all cookies</button></p></div>
<main><article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">${escapeHtml(byline)}</p>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
</article>
<aside class="related sidebar"><h2>Related</h2><ul><li><a href="/eager-eyes">Related: Eager Eyes Fixed on Eurasia</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© 2008 Slavic Research Center. All rights reserved. <a href="/privacy">Privacy policy</a></p></footer>
</body></html>`;
  return { html, paragraphs };
}
