import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { Suspense } from "react";
import { labelPublished } from "@/lib/domain/dates";
import type { TStance } from "@/lib/domain/types";
import type { TClaimDetail, TClaimEvidence, TClaimLinkView } from "@/lib/server/claims/get-claim";
import { suggestPassages } from "@/lib/server/claims/suggest-passages";
import { SUGGESTIONS_PER_AUTHOR_DEFAULT } from "@/lib/schemas/search";
import { AuthorBadge, FALLBACK_ACCENT, accentMap } from "@/app/components/author-badge";
import { ClaimHeading } from "@/app/components/claim/claim-heading";
import { ClaimLinkEditor, UnlinkButton } from "@/app/components/claim/claim-link-editor";
import { ClaimOrderButtons } from "@/app/components/claim/claim-order-buttons";
import { CommentIcon } from "@/app/components/comments/comment-icon";
import { CommentThreads } from "@/app/components/comments/comment-threads";
import { EvidenceComments } from "@/app/components/comments/evidence-comments";
import { commentCount } from "@/lib/domain/comments";
import { PositionChip } from "@/app/components/position-chip";
import { QuoteCard, excerptHref } from "@/app/components/quote-card";
import { SetByHand } from "@/app/components/set-by-hand";
import { RoomVotes } from "@/app/components/seminar/room-votes";
import { getRoomVotes } from "@/lib/server/seminar/room-votes";
import { SilentAuthorSuggestions } from "@/app/components/suggestions/silent-author-suggestions";
import { STANCE_BORDER_CLASS, STANCE_DOT_CLASS, STANCE_ICON, STANCE_LABEL, quoteCount } from "@/app/components/stance";
import { loadAccess, loadClaim, loadClaimOptions, parseId } from "../../load";

export const dynamic = "force-dynamic";

type TParams = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const { slug, id } = await params;
  const { workspace, userId, role } = await loadAccess(slug);
  const claim = await loadClaim(workspace.id, parseId(id), userId, role);
  return { title: claim.text };
}

const EMPTY: Record<TStance, string> = {
  SUPPORTS: "No evidence supports this claim yet — select a passage in a source to add some.",
  OPPOSES: "No evidence opposes this claim yet — select a passage in a source to add some.",
  QUALIFIES: "No evidence qualifies this claim yet — select a passage in a source to add some.",
};

const LINK_HEADINGS: { relation: TClaimLinkView["relation"]; direction: TClaimLinkView["direction"]; heading: string }[] = [
  { relation: "SUPPORTS", direction: "in", heading: "Claims that support this one" },
  { relation: "OPPOSES", direction: "in", heading: "Claims that oppose this one" },
  { relation: "SUPPORTS", direction: "out", heading: "This claim supports" },
  { relation: "OPPOSES", direction: "out", heading: "This claim opposes" },
];

export default async function ClaimPage({ params }: TParams) {
  const { slug, id } = await params;
  const { workspace, canEdit, canComment, signedIn, userId, role } = await loadAccess(slug);
  const claim = await loadClaim(workspace.id, parseId(id), userId, role);
  const votes = await getRoomVotes(claim.id, userId);
  const accents = accentMap(claim.positions.map((p) => p.author.id));
  const openThreads = claim.comments.threads.filter((t) => !t.resolved).length;

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Claim</p>
      <ClaimHeading key={claim.id} slug={workspace.slug} claimId={claim.id} text={claim.text} version={claim.version} canEdit={canEdit} />
      {canEdit ? (
        <div className="mt-3">
          <ClaimOrderButtons slug={workspace.slug} claimId={claim.id} order={(await loadClaimOptions(workspace.id)).map((c) => c.id)} />
        </div>
      ) : null}
      {claim.tags.length > 0 && <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">{claim.tags.map((t) => `#${t}`).join(" ")}</p>}
      <p className="no-print mt-3 text-sm">
        <a href="#discussion" data-testid="claim-comment-count" data-count={claim.comments.count} className="inline-flex items-center gap-1.5 font-medium text-slate-700 underline-offset-2 hover:underline dark:text-slate-300">
          <CommentIcon />
          {claim.comments.count === 0 ? "No comments yet" : commentCount(claim.comments.count)}
          {openThreads > 0 && <span className="font-normal text-slate-500 dark:text-slate-400">· {openThreads} open {openThreads === 1 ? "thread" : "threads"}</span>}
        </a>
      </p>

      <section aria-labelledby="positions-heading" className="mt-8">
        <h2 id="positions-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Authors’ positions
        </h2>
        <ul data-testid="claim-positions" className="flex flex-wrap gap-2">
          {claim.positions.map((position) => (
            <li
              key={position.author.id}
              data-testid="claim-position"
              data-author-id={position.author.id}
              data-stance={position.stance}
              className="flex items-center gap-2 rounded-full border border-slate-200 py-1 pr-1 pl-3.5 dark:border-slate-800"
            >
              <AuthorBadge name={position.author.name} label={position.author.shortName} accent={accents.get(position.author.id) ?? FALLBACK_ACCENT} className="text-sm font-semibold" />
              {position.author.published && <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">{labelPublished(position.author.published)}</span>}
              {position.explicit && <SetByHand derived={position.derived} note={position.note} />}
              <PositionChip stance={position.stance} />
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">
          <Link href={`/w/${workspace.slug}/matrix`} className="underline-offset-2 hover:underline">
            See all claims in the matrix →
          </Link>
        </p>
      </section>

      <RoomVotes slug={workspace.slug} claimId={claim.id} votes={votes} canVote={canComment} signedIn={signedIn} returnTo={`/w/${workspace.slug}/claims/${claim.id}`} />

      <div className="mt-10 grid gap-10 md:grid-cols-2 md:gap-8">
        <EvidenceSection slug={workspace.slug} stance="SUPPORTS" claim={claim} accents={accents} />
        <EvidenceSection slug={workspace.slug} stance="OPPOSES" claim={claim} accents={accents} />
      </div>
      <div className="mt-10">
        <EvidenceSection slug={workspace.slug} stance="QUALIFIES" claim={claim} accents={accents} />
      </div>

      <section id="discussion" aria-labelledby="discussion-heading" data-testid="claim-discussion" className="mt-12 max-w-3xl scroll-mt-4 border-t border-slate-200 pt-8 dark:border-slate-800">
        <h2 id="discussion-heading" className="mb-4 flex flex-wrap items-baseline gap-x-2 text-xl font-semibold">
          Discussion
          <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{commentCount(claim.comments.count)}</span>
        </h2>
        <CommentThreads slug={workspace.slug} list={claim.comments} about="on this claim" />
      </section>

      {/* Ranking the silent authors' passages reads many of them in a large map: the rest of the page does not wait for it. */}
      <Suspense
        fallback={
          <p data-testid="suggestions-loading" className="mt-12 border-t border-slate-200 pt-8 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
            Looking for passages by the authors who are silent on this claim…
          </p>
        }
      >
        <Suggestions workspaceId={workspace.id} slug={workspace.slug} claim={claim} accents={accents} canEdit={canEdit} />
      </Suspense>

      <section aria-labelledby="links-heading" data-testid="claim-links" className="mt-12 border-t border-slate-200 pt-8 dark:border-slate-800">
        <h2 id="links-heading" className="mb-4 text-xl font-semibold">Linked claims</h2>
        {claim.links.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No linked claims yet.</p>
        ) : (
          <div className="grid gap-6 sm:grid-cols-2">
            {LINK_HEADINGS.map(({ relation, direction, heading }) => {
              const links = claim.links.filter((l) => l.relation === relation && l.direction === direction);
              if (links.length === 0) return null;
              return (
                <div key={`${relation}-${direction}`}>
                  <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
                    <span aria-hidden="true" className={`inline-flex size-4 items-center justify-center rounded-full text-[0.65rem] text-slate-950 ${STANCE_DOT_CLASS[relation]}`}>
                      {STANCE_ICON[relation]}
                    </span>
                    {heading}
                  </h3>
                  <ul className="flex flex-col gap-2">
                    {links.map((link) => (
                      <li key={link.id} data-testid="claim-link" data-relation={relation} data-direction={direction}>
                        <Link href={`/w/${workspace.slug}/claims/${link.claim.id}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          {link.claim.text}
                        </Link>
                        {canEdit ? <UnlinkButton slug={workspace.slug} linkId={link.id} version={link.version} /> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        )}
        {canEdit ? <ClaimLinkEditor slug={workspace.slug} claimId={claim.id} options={await loadClaimOptions(workspace.id)} /> : null}
      </section>
    </main>
  );
}

async function Suggestions({ workspaceId, slug, claim, accents, canEdit }: { workspaceId: string; slug: string; claim: TClaimDetail; accents: Map<string, string>; canEdit: boolean }) {
  const suggestions = await suggestPassages(workspaceId, claim.id, { perAuthor: SUGGESTIONS_PER_AUTHOR_DEFAULT }, claim);
  return <SilentAuthorSuggestions slug={slug} claimId={claim.id} suggestions={suggestions} accents={Object.fromEntries(accents)} canEdit={canEdit} />;
}

/** Evidence of one stance, grouped by source so each author's quotes sit under their article. */
function EvidenceSection({ slug, stance, claim, accents }: { slug: string; stance: TStance; claim: TClaimDetail; accents: Map<string, string> }) {
  const evidence = claim.evidence.filter((e) => e.stance === stance);
  const groups = new Map<string, TClaimEvidence[]>();
  for (const item of evidence) groups.set(item.source.id, [...(groups.get(item.source.id) ?? []), item]);
  const headingId = `evidence-${stance.toLowerCase()}-heading`;
  return (
    <section data-testid={`evidence-${stance.toLowerCase()}`} aria-labelledby={headingId} className="min-w-0">
      <h2 id={headingId} className={`mb-5 flex items-baseline gap-2 border-b-4 pb-2 text-xl font-semibold ${STANCE_BORDER_CLASS[stance]}`}>
        <span aria-hidden="true">{STANCE_ICON[stance]}</span>
        {STANCE_LABEL[stance]}
        <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{quoteCount(evidence.length).toLowerCase()}</span>
      </h2>
      {groups.size === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{EMPTY[stance]}</p>
      ) : (
        <div className="flex flex-col gap-8">
          {[...groups.values()].map((items) => {
            const { author, source } = items[0];
            return (
              <article key={source.id} data-testid="evidence-group" data-author-id={author.id}>
                <header className="mb-3">
                  <AuthorBadge name={author.name} accent={accents.get(author.id) ?? FALLBACK_ACCENT} className="max-w-full font-semibold" />
                  <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">
                    <Link href={`/w/${slug}/sources/${source.id}`} className="hover:underline">
                      {source.title}
                    </Link>
                    {" · "}
                    <time dateTime={source.published}>{labelPublished(source.published)}</time>
                  </p>
                </header>
                <ul className="flex flex-col gap-5">
                  {items.map((e) => (
                    <li key={e.id}>
                      <QuoteCard
                        testId="evidence-quote"
                        exact={e.excerpt.exact}
                        page={e.excerpt.page}
                        stance={e.stance}
                        voice={e.voice}
                        note={e.note}
                        href={excerptHref(slug, source.id, e.excerpt.id)}
                        showStance={false}
                      />
                      <EvidenceComments slug={slug} evidenceId={e.id} count={claim.comments.byEvidence[e.id] ?? 0} />
                    </li>
                  ))}
                </ul>
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
