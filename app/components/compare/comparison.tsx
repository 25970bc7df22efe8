import { Link } from "@/app/components/app-link";
import { describeComparison, type TComparisonGroup, type TComparisonSummary } from "@/lib/domain/agreement";
import { labelPublished } from "@/lib/domain/dates";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import type { TComparedClaim } from "@/lib/server/compare/get-comparison";
import { AuthorBadge, FALLBACK_ACCENT } from "../author-badge";
import { PositionChip } from "../position-chip";
import { QuoteCard, excerptHref } from "../quote-card";
import { SetByHand } from "../set-by-hand";

const HEADINGS: Record<TComparisonGroup, { title: string; pair: string; many: string }> = {
  agree: { title: "Agree", pair: "Both take the same position.", many: "At least two speak, and all who speak take the same position." },
  disagree: { title: "Disagree", pair: "One supports the claim, the other opposes it.", many: "At least one supports the claim and at least one opposes it." },
  differ: {
    title: "Differ",
    pair: "Both speak, without supporting against opposing: one qualifies, or one is mixed.",
    many: "Two or more speak, not all alike, without supporting against opposing: some qualify, or one is mixed.",
  },
  "only-one": { title: "Only one speaks", pair: "One of them takes a position; the other is silent.", many: "Only one of them takes a position." },
  none: { title: "Neither speaks", pair: "Neither takes a position in their own words.", many: "None of them takes a position in their own words." },
};

const SHOWN: TComparisonGroup[] = ["agree", "disagree", "differ", "only-one"];

interface TProps {
  slug: string;
  authors: TMatrixAuthor[];
  summary: TComparisonSummary;
  claims: TComparedClaim[];
  accents: Map<string, string>;
}

/** The chosen authors side by side: a summary, then the claims grouped by how their positions relate. */
export function Comparison({ slug, authors, summary, claims, accents }: TProps) {
  const pair = authors.length === 2;
  const count = (group: TComparisonGroup) => claims.filter((c) => c.group === group).length;
  const none = claims.filter((c) => c.group === "none");
  const headings = { ...HEADINGS, none: { ...HEADINGS.none, title: pair ? "Neither speaks" : "None of them speaks" } };
  return (
    <div>
      <section
        aria-labelledby="summary-heading"
        data-testid="compare-summary"
        data-n={summary.n}
        data-agree={summary.agree}
        className="rounded-lg border border-slate-200 bg-slate-50 p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900/60"
      >
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <p data-testid="compare-sentence" className="max-w-[75ch] text-lg leading-relaxed text-slate-800 dark:text-slate-200">
          {describeComparison(authors.map((a) => a.shortName), summary)}
        </p>
        <ul className="mt-4 flex flex-wrap gap-2 text-sm">
          {[...SHOWN, "none" as const].map((group) => (
            <li key={group}>
              <a
                href={`#group-${group}`}
                data-testid="compare-count"
                data-group={group}
                className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-300 dark:hover:bg-slate-800"
              >
                {headings[group].title}
                <span className="tabular-nums font-bold">{count(group)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      {SHOWN.map((group) => (
        <GroupSection key={group} group={group} heading={headings[group]} pair={pair} slug={slug} authors={authors} claims={claims.filter((c) => c.group === group)} accents={accents} />
      ))}

      <details id="group-none" data-testid="compare-group" data-group="none" className="group mt-10 border-t border-slate-200 pt-6 dark:border-slate-800">
        <summary className="cursor-pointer text-xl font-semibold">
          {headings.none.title} <span className="font-normal tabular-nums text-slate-500 dark:text-slate-400">({none.length})</span>
        </summary>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{pair ? headings.none.pair : headings.none.many} Quotes they only report are listed.</p>
        <ClaimRows slug={slug} authors={authors} claims={none} accents={accents} />
      </details>
    </div>
  );
}

function GroupSection({ group, heading, pair, slug, authors, claims, accents }: { group: TComparisonGroup; heading: { title: string; pair: string; many: string }; pair: boolean; slug: string; authors: TMatrixAuthor[]; claims: TComparedClaim[]; accents: Map<string, string> }) {
  return (
    <section id={`group-${group}`} aria-labelledby={`group-${group}-heading`} data-testid="compare-group" data-group={group} className="mt-10 scroll-mt-4 border-t border-slate-200 pt-6 dark:border-slate-800">
      <h2 id={`group-${group}-heading`} className="text-xl font-semibold">
        {heading.title} <span className="font-normal tabular-nums text-slate-500 dark:text-slate-400">({claims.length})</span>
      </h2>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{pair ? heading.pair : heading.many}</p>
      {claims.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500 italic dark:text-slate-400">No claims here.</p>
      ) : (
        <ClaimRows slug={slug} authors={authors} claims={claims} accents={accents} />
      )}
    </section>
  );
}

function ClaimRows({ slug, authors, claims, accents }: { slug: string; authors: TMatrixAuthor[]; claims: TComparedClaim[]; accents: Map<string, string> }) {
  // Side by side from a tablet's width (two authors) or a laptop's (more); stacked on a phone.
  const columns = authors.length === 2 ? "md:grid-cols-2" : "lg:grid-cols-[repeat(var(--authors),minmax(15rem,1fr))]";
  return (
    <ol className="mt-4 flex flex-col gap-6">
      {claims.map((claim) => (
        <li key={claim.id} data-testid="compare-claim" data-claim-id={claim.id} className="rounded-lg border border-slate-200 p-4 sm:p-5 dark:border-slate-800">
          <h3 className="text-lg leading-snug font-medium">
            <Link href={`/w/${slug}/claims/${claim.id}`} className="hover:underline">
              {claim.text}
            </Link>
          </h3>
          <div className="overflow-x-auto">
            <div className={`mt-4 grid gap-x-6 gap-y-6 ${columns}`} style={{ "--authors": authors.length } as React.CSSProperties}>
              {authors.map((author) => (
                <AuthorBlock key={author.id} slug={slug} author={author} claim={claim} accent={accents.get(author.id) ?? FALLBACK_ACCENT} />
              ))}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

function AuthorBlock({ slug, author, claim, accent }: { slug: string; author: TMatrixAuthor; claim: TComparedClaim; accent: string }) {
  const position = claim.positions[author.id];
  const quotes = claim.quotes[author.id] ?? [];
  return (
    <section data-testid="compare-author" data-author-id={author.id} data-stance={position.stance} aria-label={`${author.name} on this claim`} className="min-w-0">
      <div className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 pb-2 dark:border-slate-800">
        <AuthorBadge name={author.name} label={author.shortName} accent={accent} className="font-semibold" />
        <PositionChip stance={position.stance} size="sm" />
        {position.explicit && <SetByHand derived={position.derived} note={position.note} />}
      </div>
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No quotes from {author.shortName} on this claim.</p>
      ) : (
        <ul className="flex flex-col gap-5">
          {quotes.map((quote) => (
            <li key={quote.evidenceId}>
              <QuoteCard
                testId="compare-quote"
                exact={quote.exact}
                stance={quote.stance}
                voice={quote.voice}
                note={quote.note}
                cite={`${quote.sourceTitle} · ${labelPublished(quote.published)}`}
                href={excerptHref(slug, quote.sourceId, quote.excerptId)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
