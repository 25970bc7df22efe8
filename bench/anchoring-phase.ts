/**
 * The anchoring group (`--only=anchoring`): the pure anchoring functions timed in this process
 * over the large workspace's texts, read from the database.
 *
 * - 1,000 quotes taken from random places of random sources (60–400 characters, starting at a
 *   word) and perturbed as copying perturbs them — line breaks for spaces, one misread letter,
 *   a word hyphenated across a line, "…" for the first and last words — each anchored by
 *   `anchorQuote` in its source's text as the app does it for one request (the text's normal form
 *   computed for that quote, not shared). Budget: p95 ≤ 20 ms per quote.
 * - Re-anchoring: for 20 sources, 100 of their excerpts, after an edit of the text (a paragraph
 *   inserted at the start, one word changed inside an excerpt, one excerpt's paragraph deleted),
 *   by `reanchorExcerpts`; time per source (100 excerpts).
 */
import pg from "pg";
import { anchorQuote } from "../lib/anchoring/anchor-quote";
import { reanchorExcerpts, type TExcerptToReanchor } from "../lib/anchoring/reanchor-excerpts";
import { LARGE_SLUG } from "./settings";
import { ms, percentile } from "./stats";

export const ANCHORING_BUDGET_P95_MS = 20;
const QUOTES = 1_000;
const REANCHOR_SOURCES = 20;
const REANCHOR_EXCERPTS = 100;

export interface TAnchoringResult {
  sources: number;
  textChars: number;
  quotes: { count: number; p50: number; p95: number; max: number; right: number; refused: number; wrong: number; byMethod: Record<string, number> };
  reanchor: { sources: number; excerpts: number; p50: number; p95: number; max: number; unchanged: number; moved: number; fuzzy: number; orphaned: number };
}

/** A small deterministic PRNG (mulberry32), so every run anchors the same quotes. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

type TRng = ReturnType<typeof prng>;

/** A quote of `text` as copied from elsewhere, and the span it stands for. */
function perturbedQuote(rng: TRng, text: string): { quote: string; start: number; end: number } {
  let start = rng.int(0, Math.max(0, text.length - 500));
  start = text.indexOf(" ", start) + 1;
  let end = text.lastIndexOf(" ", start + rng.int(60, 400));
  if (end <= start + 40) end = start + 60;
  let quote = text.slice(start, end);
  const kind = rng.int(0, 3);
  // Line breaks for every fourth space (a PDF's lines), in every quote.
  let spaces = 0;
  quote = quote.replace(/ /g, () => (++spaces % 4 === 0 ? "\n" : " "));
  if (kind === 0 || kind === 3) {
    const at = rng.int(Math.floor(quote.length / 3), Math.floor((2 * quote.length) / 3));
    const i = quote.slice(at).search(/[a-z]/);
    if (i >= 0) quote = `${quote.slice(0, at + i)}${quote[at + i] === "e" ? "a" : "e"}${quote.slice(at + i + 1)}`;
  }
  if (kind === 1) {
    const word = /[a-z]{8,}/.exec(quote.slice(quote.length / 4));
    if (word) {
      const at = Math.floor(quote.length / 4) + word.index + 4;
      quote = `${quote.slice(0, at)}-\n${quote.slice(at)}`;
    }
  }
  if (kind === 2) {
    const first = text.indexOf(" ", start) + 1;
    const last = text.lastIndexOf(" ", end - 1);
    if (last > first + 20) return { quote: `…${text.slice(first, last).replace(/ /g, "\n")}…`, start: first, end: last };
  }
  return { quote, start, end };
}

/** Measures both parts against the texts of the large workspace in the database at `databaseUrl`. */
export async function measureAnchoring(databaseUrl: string, log: (line: string) => void): Promise<TAnchoringResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: sources } = await client.query<{ id: string; text: string }>(
      `select s.id::text, s.text from "Source" s join "Workspace" w on w.id = s."workspaceId" where w.slug = $1 and s."deletedAt" is null order by s.id`,
      [LARGE_SLUG],
    );
    const rng = prng(20261208);
    const times: number[] = [];
    const byMethod: Record<string, number> = {};
    let right = 0;
    let refused = 0;
    let wrong = 0;
    log(`[bench] anchoring ${QUOTES} perturbed quotes in ${sources.length} texts`);
    for (let i = 0; i < QUOTES; i++) {
      const source = sources[rng.int(0, sources.length - 1)];
      const { quote, start, end } = perturbedQuote(rng, source.text);
      const t0 = performance.now();
      const result = anchorQuote(source.text, { exact: quote });
      times.push(performance.now() - t0);
      if (!result.ok) refused++;
      else {
        byMethod[result.anchoring.method] = (byMethod[result.anchoring.method] ?? 0) + 1;
        if (result.selector.start === start && result.selector.end === end) right++;
        else wrong++;
      }
    }
    times.sort((a, b) => a - b);

    log(`[bench] re-anchoring ${REANCHOR_EXCERPTS} excerpts of each of ${REANCHOR_SOURCES} sources after an edit`);
    const picked = sources.slice(0, REANCHOR_SOURCES);
    const reanchorTimes: number[] = [];
    const totals = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const source of picked) {
      const { rows } = await client.query<TExcerptToReanchor>(
        `select id::text, start, "end", exact, prefix, suffix from "Excerpt" where "sourceId" = $1 and "deletedAt" is null order by start limit ${REANCHOR_EXCERPTS}`,
        [source.id],
      );
      const text = source.text;
      // One word changed inside the middle excerpt, the paragraph of a late one deleted, a paragraph put first.
      const middle = rows[Math.floor(rows.length / 2)];
      const word = /[a-z]{5,}/.exec(text.slice(middle.start, middle.end));
      const late = rows[rows.length - 3];
      const paragraphStart = text.lastIndexOf("\n\n", late.start) + 2;
      const paragraphEnd = text.indexOf("\n\n", late.end);
      let revised = text;
      if (paragraphEnd > paragraphStart && paragraphStart > middle.end) revised = `${revised.slice(0, paragraphStart)}${revised.slice(paragraphEnd + 2)}`;
      if (word) revised = `${revised.slice(0, middle.start + word.index)}revised${revised.slice(middle.start + word.index + word[0].length)}`;
      revised = `An editor's note added to the revised text.\n\n${revised}`;
      const t0 = performance.now();
      const { report } = reanchorExcerpts(text, revised, rows);
      reanchorTimes.push(performance.now() - t0);
      totals.unchanged += report.unchanged;
      totals.moved += report.moved;
      totals.fuzzy += report.fuzzy.length;
      totals.orphaned += report.orphaned.length;
    }
    reanchorTimes.sort((a, b) => a - b);
    const result: TAnchoringResult = {
      sources: sources.length,
      textChars: sources.reduce((n, s) => n + s.text.length, 0),
      quotes: { count: QUOTES, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], right, refused, wrong, byMethod },
      reanchor: { sources: picked.length, excerpts: REANCHOR_EXCERPTS, p50: percentile(reanchorTimes, 50), p95: percentile(reanchorTimes, 95), max: reanchorTimes[reanchorTimes.length - 1], ...totals },
    };
    log(`[bench]   quotes: p50 ${ms(result.quotes.p50)} ms  p95 ${ms(result.quotes.p95)} ms  max ${ms(result.quotes.max)} ms; ${right} at the right span, ${refused} refused, ${wrong} elsewhere → ${anchoringVerdict(result)}`);
    log(`[bench]   re-anchoring 100 excerpts: p50 ${ms(result.reanchor.p50)} ms  p95 ${ms(result.reanchor.p95)} ms  max ${ms(result.reanchor.max)} ms`);
    log(["", ...anchoringSection(result)].join("\n"));
    return result;
  } finally {
    await client.end();
  }
}

function anchoringVerdict(r: TAnchoringResult): string {
  return r.quotes.p95 <= ANCHORING_BUDGET_P95_MS ? "PASS" : `FAIL (p95 ${ms(r.quotes.p95)} ms > ${ANCHORING_BUDGET_P95_MS})`;
}

/** The anchoring section of RESULTS.md. */
export function anchoringSection(r: TAnchoringResult): string[] {
  const q = r.quotes;
  const a = r.reanchor;
  const methods = Object.entries(q.byMethod).map(([m, n]) => `${m} ${n.toLocaleString("en")}`).join(", ");
  return [
    "## Anchoring",
    "",
    `In the bench process (pure functions of \`lib/anchoring\`), over the ${r.sources} texts of \`${LARGE_SLUG}\` (${(r.textChars / 1e6).toFixed(2)} M characters). Each quote is a random passage of a random source, 60–400 characters, copied with a line break for every fourth space and, in turn, one misread letter, a word hyphenated across a line, "…" for its first and last words, or a misread letter again; each is anchored in its own source's text by \`anchorQuote\` as one request does it (the text's normal form computed anew).`,
    "",
    "| what | budget | measured | p50 ms | p95 ms | max ms | result |",
    "| --- | --- | --- | ---: | ---: | ---: | --- |",
    `| fuzzy anchoring of one quote in the large workspace's texts | p95 ≤ ${ANCHORING_BUDGET_P95_MS} ms | ${q.count.toLocaleString("en")} quotes: ${q.right.toLocaleString("en")} at the right span, ${q.refused} refused, ${q.wrong} elsewhere (${methods}) | ${ms(q.p50)} | ${ms(q.p95)} | ${ms(q.max)} | ${anchoringVerdict(r)} |`,
    `| re-anchoring the ${a.excerpts} first excerpts of a source after an edit (a paragraph put first, a word changed inside one excerpt, a late excerpt's paragraph deleted), ${a.sources} sources | none (reference) | ${a.unchanged} unchanged, ${a.moved.toLocaleString("en")} moved, ${a.fuzzy} fuzzy (the changed word lies in every excerpt overlapping it), ${a.orphaned} orphaned (every excerpt inside the deleted paragraph) | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.max)} | — |`,
    "",
  ];
}
