import type { Metadata } from "next";
import Form from "next/form";
import { Link } from "@/app/components/app-link";
import { labelPublished } from "@/lib/domain/dates";
import { SEARCH_KINDS, type TSearchKind } from "@/lib/domain/search";
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_QUERY_MAX, ZSearchQuerySchema } from "@/lib/schemas/search";
import { searchWorkspace, type TSearchGroup, type TSearchGroups, type TSearchSourceRef } from "@/lib/server/search/search-workspace";
import type { TAuthorRef } from "@/lib/server/claims/get-claim";
import { AuthorBadge, AuthorDot, FALLBACK_ACCENT, accentMap } from "@/app/components/author-badge";
import { excerptHref } from "@/app/components/quote-card";
import { ReportedBadge } from "@/app/components/reported-badge";
import { MarkedText, passageHref } from "@/app/components/search/marked-text";
import { StanceLabel } from "@/app/components/stance-label";
import { authorOrder, loadAccess, loadOverview } from "../load";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ q?: string | string[]; kind?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: { searchParams: TSearchParams }): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search" };
}

/** What each group is called, in the order the page shows them. */
const GROUPS: { kind: TSearchKind; heading: string; noun: [string, string]; about: string }[] = [
  { kind: "claims", heading: "Claims", noun: ["claim", "claims"], about: "Contested propositions of the map" },
  { kind: "excerpts", heading: "Excerpts", noun: ["excerpt", "excerpts"], about: "Passages already cited as evidence" },
  { kind: "passages", heading: "In the sources’ text", noun: ["passage", "passages"], about: "Paragraphs of the full texts, cited or not" },
  { kind: "sources", heading: "Sources", noun: ["source", "sources"], about: "Titles and authors" },
  { kind: "comments", heading: "Comments", noun: ["comment", "comments"], about: "The discussion of claims, passages and evidence" },
];

export default async function SearchPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: TSearchParams }) {
  const { slug } = await params;
  const raw = await searchParams;
  const { workspace } = await loadAccess(slug);
  const q = first(raw.q) ?? "";
  const kindParam = first(raw.kind);
  const kind = SEARCH_KINDS.find((k) => k === kindParam);
  const parsed = q.trim() ? ZSearchQuerySchema.safeParse({ q, kind, limit: kind ? SEARCH_LIMIT_MAX : SEARCH_LIMIT_DEFAULT }) : null;
  const result = parsed?.success ? await searchWorkspace(workspace.id, parsed.data) : null;
  const accents = accentMap(authorOrder(await loadOverview(workspace.id)));
  const accent = (author: TAuthorRef) => accents.get(author.id) ?? FALLBACK_ACCENT;
  const base = `/w/${workspace.slug}/search`;
  const found = result ? GROUPS.filter((g) => (result[g.kind]?.items.length ?? 0) > 0) : [];

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Search</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">{result ? <>Results for “{q.trim()}”</> : workspace.title}</h1>

      <Form action={base} prefetch={false} role="search" aria-label="Search this workspace" className="mt-6 flex max-w-2xl flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-q" className="mb-1.5 block text-sm font-semibold text-slate-800 dark:text-slate-200">
            Search claims, excerpts, source texts, authors and comments
          </label>
          <input
            id="search-q"
            data-testid="search-input"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={SEARCH_QUERY_MAX}
            autoFocus={!q}
            className="block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          />
        </div>
        {kind && <input type="hidden" name="kind" value={kind} />}
        <button type="submit" className="h-10 rounded-lg bg-slate-900 px-5 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white">
          Search
        </button>
      </Form>

      {!q.trim() && (
        <div data-testid="search-help" className="mt-6 max-w-[68ch] text-slate-600 dark:text-slate-400">
          <p>Find a word or phrase anywhere in this map: in its claims, in the excerpts cited as evidence, in the full text of every source, in source titles and author names, and in the comments.</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            <li>
              Put a phrase in quotes to find it as written: <code className="font-mono">"talk shop"</code>.
            </li>
            <li>
              Write <code className="font-mono">or</code> between words to find either; put <code className="font-mono">-</code> before a word to leave it out.
            </li>
            <li>A misspelt name or word still finds what it is like.</li>
          </ul>
        </div>
      )}

      {parsed && !parsed.success && (
        <p role="alert" className="mt-6 rounded-md border border-opposes bg-opposes-soft px-3 py-2 text-sm text-slate-900 dark:text-slate-100">
          {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      )}

      {result && (
        <>
          {kind && (
            <p className="mt-6 text-sm">
              <Link href={`${base}?${new URLSearchParams({ q })}`} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                ← All results for “{q.trim()}”
              </Link>
            </p>
          )}
          {found.length === 0 ? (
            <div data-testid="search-empty" className="mt-8 max-w-[68ch]">
              <p className="text-lg font-semibold">No results for “{q.trim()}”.</p>
              <p className="mt-2 text-slate-600 dark:text-slate-400">
                Check the spelling, try fewer or other words, or drop the quotes around a phrase. Very common words (“the”, “is”) are not searched on their own.
              </p>
            </div>
          ) : (
            <>
              {!kind && (
                <nav aria-label="Result groups" className="mt-6 flex flex-wrap gap-2 text-sm">
                  {found.map((g) => (
                    <a key={g.kind} href={`#results-${g.kind}`} className="rounded-full border border-slate-300 px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800">
                      {g.heading} <span className="tabular-nums text-slate-500 dark:text-slate-400">{countLabel(result[g.kind]!)}</span>
                    </a>
                  ))}
                </nav>
              )}
              {found.map((g) => (
                <ResultGroup key={g.kind} q={q} kind={g.kind} heading={g.heading} about={g.about} noun={g.noun} group={result[g.kind]!} moreHref={kind ? null : `${base}?${new URLSearchParams({ q, kind: g.kind })}`}>
                  <ResultItems slug={workspace.slug} kind={g.kind} group={result[g.kind]!} accent={accent} />
                </ResultGroup>
              ))}
            </>
          )}
        </>
      )}
    </main>
  );
}

function countLabel(group: TSearchGroup<unknown>): string {
  return group.capped ? `${group.total.toLocaleString("en")}+` : group.total.toLocaleString("en");
}

function ResultGroup({
  q,
  kind,
  heading,
  about,
  noun,
  group,
  moreHref,
  children,
}: {
  q: string;
  kind: TSearchKind;
  heading: string;
  about: string;
  noun: [string, string];
  group: TSearchGroup<unknown>;
  moreHref: string | null;
  children: React.ReactNode;
}) {
  const headingId = `results-${kind}-heading`;
  return (
    <section id={`results-${kind}`} aria-labelledby={headingId} data-testid={`results-${kind}`} data-match={group.match} className="mt-10 scroll-mt-4">
      <h2 id={headingId} className="flex flex-wrap items-baseline gap-x-2 border-b border-slate-200 pb-2 text-xl font-semibold dark:border-slate-800">
        {heading}
        <span data-testid="result-count" className="text-sm font-normal tabular-nums text-slate-500 dark:text-slate-400">
          {countLabel(group)} {group.total === 1 ? noun[0] : noun[1]}
        </span>
      </h2>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
        {about}.
        {group.match === "similar" &&
          (group.corrected ? (
            <> No {noun[1]} contain “{q.trim()}”; showing {noun[1]} with “{group.corrected}”.</>
          ) : (
            <> No {noun[1]} contain “{q.trim()}”; showing {noun[1]} with similar words.</>
          ))}
      </p>
      <div className="mt-4">{children}</div>
      {moreHref && group.total > group.items.length && (
        <p className="mt-4 text-sm">
          <Link href={moreHref} className="font-semibold text-slate-900 underline underline-offset-2 dark:text-slate-100">
            Show {group.capped || group.total > SEARCH_LIMIT_MAX ? `the first ${SEARCH_LIMIT_MAX}` : `all ${group.total}`} {noun[1]}
          </Link>
        </p>
      )}
    </section>
  );
}

function SourceLine({ source, author, accent }: { source: TSearchSourceRef; author: TAuthorRef; accent: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm text-slate-600 dark:text-slate-400">
      <AuthorBadge name={author.name} label={author.shortName} accent={accent} className="font-semibold text-slate-700 dark:text-slate-300" />
      <span aria-hidden="true">·</span>
      <span className="min-w-0 italic">{source.title}</span>
      <span aria-hidden="true">·</span>
      <time dateTime={source.published} className="tabular-nums">
        {labelPublished(source.published)}
      </time>
    </p>
  );
}

function ResultItems({ slug, kind, group, accent }: { slug: string; kind: TSearchKind; group: TSearchGroups[TSearchKind]; accent: (author: TAuthorRef) => string }) {
  const list = "flex flex-col gap-6";
  switch (kind) {
    case "claims":
      return (
        <ol className={list}>
          {(group as TSearchGroups["claims"]).items.map((claim) => (
            <li key={claim.id} data-testid="result-claim">
              <Link href={`/w/${slug}/claims/${claim.id}`} className="text-lg font-medium text-slate-900 underline-offset-2 hover:underline dark:text-slate-100">
                <MarkedText text={claim.text} marks={claim.marks} />
              </Link>
            </li>
          ))}
        </ol>
      );
    case "excerpts":
      return (
        <ol className={list}>
          {(group as TSearchGroups["excerpts"]).items.map((excerpt) => (
            <li key={excerpt.id} data-testid="result-excerpt" className="border-l-4 border-slate-300 pl-4 dark:border-slate-600">
              <blockquote className="max-w-[68ch] whitespace-pre-line font-serif text-lg leading-relaxed text-slate-900 dark:text-slate-100">
                <MarkedText {...excerpt.fragment} />
              </blockquote>
              <div className="mt-2 flex flex-col gap-1.5">
                <SourceLine source={excerpt.source} author={excerpt.author} accent={accent(excerpt.author)} />
                {excerpt.claims.length > 0 ? (
                  <ul className="flex flex-col gap-1 text-sm">
                    {excerpt.claims.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                        <StanceLabel stance={c.stance} />
                        {c.voice === "REPORTED" && <ReportedBadge />}
                        <Link href={`/w/${slug}/claims/${c.id}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          {c.text}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-500 dark:text-slate-400">Not evidence for any claim.</p>
                )}
                <Link href={excerptHref(slug, excerpt.source.id, excerpt.id)} className="self-start text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  Read in source<span className="sr-only">: {excerpt.source.title}</span> →
                </Link>
              </div>
            </li>
          ))}
        </ol>
      );
    case "passages":
      return (
        <ol className={list}>
          {(group as TSearchGroups["passages"]).items.map((passage) => (
            <li key={`${passage.source.id}:${passage.start}`} data-testid="result-passage" data-source-id={passage.source.id} data-start={passage.start} data-end={passage.end} className="border-l-4 border-slate-200 pl-4 dark:border-slate-700">
              <blockquote className="max-w-[68ch] whitespace-pre-line font-serif text-lg leading-relaxed text-slate-900 dark:text-slate-100">
                <MarkedText {...passage.fragment} />
              </blockquote>
              <div className="mt-2 flex flex-col gap-1.5">
                <SourceLine source={passage.source} author={passage.author} accent={accent(passage.author)} />
                <Link
                  data-testid="passage-link"
                  href={passageHref(slug, passage.source.id, passage.start, passage.end)}
                  className="self-start text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                >
                  Read in source<span className="sr-only">: {passage.source.title}</span> →
                </Link>
              </div>
            </li>
          ))}
        </ol>
      );
    case "comments":
      return (
        <ol className={list}>
          {(group as TSearchGroups["comments"]).items.map((comment) => (
            <li key={comment.id} data-testid="result-comment" data-target-type={comment.target.type} className="border-l-4 border-slate-200 pl-4 dark:border-slate-700">
              <p className="max-w-[68ch] whitespace-pre-line text-slate-900 dark:text-slate-100">
                <MarkedText {...comment.fragment} />
              </p>
              <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm text-slate-600 dark:text-slate-400">
                <span className="font-semibold text-slate-700 dark:text-slate-300">{comment.author}</span>
                <span aria-hidden="true">·</span>
                <time dateTime={comment.createdAt} className="tabular-nums">
                  {labelPublished(comment.createdAt.slice(0, 10))}
                </time>
              </p>
              <p className="mt-1 text-sm">
                {comment.target.type === "excerpt" && comment.excerpt ? (
                  <Link href={excerptHref(slug, comment.excerpt.source.id, comment.excerpt.id)} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                    On a passage of <i>{comment.excerpt.source.title}</i> →
                  </Link>
                ) : comment.claim ? (
                  <Link href={`/w/${slug}/claims/${comment.claim.id}#${comment.target.type === "evidence" ? `comments-${comment.target.id}` : "discussion"}`} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                    {comment.target.type === "evidence" ? "On evidence for" : "On"} “{comment.claim.text}” →
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      );
    case "sources":
      return (
        <ol className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {(group as TSearchGroups["sources"]).items.map((source) => (
            <li key={source.id} data-testid="result-source" className="grid gap-x-6 gap-y-1 py-4 sm:grid-cols-[7rem_minmax(0,1fr)]">
              <span className="text-sm font-medium tabular-nums text-slate-500 dark:text-slate-400">
                <time dateTime={source.published}>{labelPublished(source.published)}</time>
              </span>
              <div className="min-w-0">
                <span className="inline-flex items-center gap-1.5 text-sm font-semibold text-slate-700 dark:text-slate-300">
                  <AuthorDot accent={accent(source.author)} />
                  <span>
                    <MarkedText text={source.author.name} marks={source.author.marks} />
                  </span>
                </span>
                <Link href={`/w/${slug}/sources/${source.id}`} className="mt-0.5 block font-serif text-lg leading-snug text-slate-900 hover:underline dark:text-slate-100">
                  <MarkedText text={source.title} marks={source.titleMarks} />
                </Link>
              </div>
            </li>
          ))}
        </ol>
      );
  }
}
