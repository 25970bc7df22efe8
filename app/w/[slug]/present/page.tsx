import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { labelPublished } from "@/lib/domain/dates";
import { shortQuote } from "@/lib/domain/seminar";
import type { TClaimEvidence } from "@/lib/server/claims/get-claim";
import { getLiveSeminar } from "@/lib/server/seminar/get-seminar";
import { AuthorBadge, FALLBACK_ACCENT, accentMap } from "@/app/components/author-badge";
import { PositionChip } from "@/app/components/position-chip";
import { PresentReveal } from "@/app/components/rounds/present-reveal";
import { ZIdSchema } from "@/lib/schemas/params";
import { AppError } from "@/lib/errors/app-error";
import { getRound } from "@/lib/server/rounds/get-round";
import { PresentControls } from "@/app/components/seminar/present-controls";
import { presentModeOf } from "@/app/components/seminar/present-key-action";
import { PresentPoll } from "@/app/components/seminar/present-poll";
import { StartSeminarButton } from "@/app/components/seminar/start-seminar-button";
import { STANCE_BORDER_CLASS } from "@/app/components/stance";
import { loadAccess, loadClaim, loadClaimOptions } from "../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Presentation" };

/** Quotes per author on the projector: more would not be read from the back of the room. */
const QUOTES_PER_AUTHOR = 1;

/**
 * The projector's view: one claim at a time in large type, the authors' positions and quotes in
 * two columns, the poll's result once revealed. During a live session it shows the spotlighted
 * claim (and the facilitator's keys and control strip move the spotlight and run the poll);
 * otherwise `?claim=` and the arrow keys. `?round=<id>` projects a closed coding round's reveal
 * instead (alpha, the most disputed items first, no names).
 */
export default async function PresentPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ claim?: string; round?: string }> }) {
  const { slug } = await params;
  const { claim: requested, round: roundId } = await searchParams;
  const { workspace, canEdit, userId, role } = await loadAccess(slug);
  if (roundId !== undefined) return <ProjectedRound slug={workspace.slug} workspace={workspace} roundId={roundId} viewer={{ userId, role }} />;
  const [seminar, order] = await Promise.all([getLiveSeminar(workspace.id, userId), loadClaimOptions(workspace.id)]);
  const claimId = seminar?.spotlight?.claimId ?? order.find((c) => c.id === requested)?.id ?? order[0]?.id ?? null;
  const base = `/w/${workspace.slug}`;

  if (!claimId) {
    return (
      <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-10 text-center">
        <p className="text-3xl font-semibold">This map has no claims to present yet.</p>
        <Link href={base} className="text-xl underline">
          Back to the workspace
        </Link>
      </main>
    );
  }
  const claim = await loadClaim(workspace.id, claimId);
  const at = order.findIndex((c) => c.id === claimId);
  const accents = accentMap(claim.positions.map((p) => p.author.id));
  const spoken = claim.positions.filter((p) => p.stance !== "SILENT");
  const silent = claim.positions.filter((p) => p.stance === "SILENT");
  const evidenceOf = (authorId: string) => claim.evidence.filter((e) => e.author.id === authorId && e.voice === "AUTHOR").slice(0, QUOTES_PER_AUTHOR);
  const mode = presentModeOf(seminar);

  return (
    <main data-testid="presentation" data-presentation data-claim-id={claimId} className="flex min-h-screen flex-col bg-white px-6 py-5 text-slate-900 sm:px-10 2xl:px-14 dark:bg-slate-950 dark:text-slate-50">
      <header className="flex flex-wrap items-center justify-between gap-4 text-lg text-slate-500 2xl:text-2xl dark:text-slate-400">
        <p>
          {seminar ? (
            <span className="mr-3 inline-flex items-center gap-2 font-semibold text-red-700 dark:text-red-400">
              <span aria-hidden="true" className="inline-block size-3 rounded-full bg-red-600 motion-safe:animate-pulse" />
              Live
            </span>
          ) : null}
          <span data-testid="present-position">
            Claim {at + 1} of {order.length}
          </span>
          <span className="hidden sm:inline"> · {workspace.title}</span>
        </p>
        {mode === "local" && canEdit ? <StartSeminarButton slug={workspace.slug} claimId={claimId} /> : null}
      </header>

      <div className="mt-5 flex flex-col gap-6 xl:flex-row xl:items-start xl:justify-between">
        <h1 data-testid="present-claim" className="max-w-[60ch] text-3xl leading-tight font-bold tracking-tight sm:text-5xl">
          {claim.text}
        </h1>
        <PresentPoll slug={workspace.slug} claimId={claimId} seminar={seminar} />
      </div>

      <div className="mt-8 grid flex-1 content-start gap-5 lg:grid-cols-2 2xl:gap-6">
        {spoken.map((position) => (
          <section key={position.author.id} data-testid="present-author" data-stance={position.stance} className="rounded-2xl border border-slate-200 p-5 dark:border-slate-800">
            <header className="flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <AuthorBadge name={position.author.name} accent={accents.get(position.author.id) ?? FALLBACK_ACCENT} className="text-xl font-semibold 2xl:text-2xl" />
                {position.author.published ? <p className="text-base text-slate-500 2xl:text-lg dark:text-slate-400">{labelPublished(position.author.published)}</p> : null}
              </div>
              <PositionChip stance={position.stance} size="lg" />
            </header>
            <ul className="mt-3 flex flex-col gap-3">
              {evidenceOf(position.author.id).map((e) => (
                <PresentQuote key={e.id} evidence={e} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {silent.length > 0 ? (
        <p className="mt-5 text-lg text-slate-500 2xl:text-xl dark:text-slate-400">
          Silent on this claim: {silent.map((p) => p.author.name).join(", ")}
        </p>
      ) : null}

      <footer className="mt-5 text-sm text-slate-500 2xl:text-base dark:text-slate-400">
        {mode === "follower" ? "Following the facilitator · " : "← → or Space to move · "}
        {mode === "facilitator" ? "P opens or closes the poll · R reveals or hides its result · L locks or unlocks editing · " : null}
        Esc to leave ·{" "}
        <Link href={`${base}/claims/${claimId}`} className="underline">
          Open this claim
        </Link>
      </footer>
      <PresentControls slug={workspace.slug} seminar={seminar} claimId={claimId} previous={at > 0 ? order[at - 1].id : null} next={at >= 0 && at < order.length - 1 ? order[at + 1].id : null} />
    </main>
  );
}

async function ProjectedRound({ slug, workspace, roundId, viewer }: { slug: string; workspace: { id: string; title: string }; roundId: string; viewer: Parameters<typeof getRound>[2] }) {
  let round = null;
  if (ZIdSchema.safeParse(roundId).success) {
    try {
      round = await getRound(workspace.id, roundId, viewer);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    }
  }
  if (!round?.reveal) {
    return (
      <main data-testid="present-reveal-unavailable" className="flex min-h-screen flex-col items-center justify-center gap-6 p-10 text-center">
        <p className="text-3xl font-semibold">{round ? "This round is still open: its answers are revealed when the facilitator closes it." : "There is no such coding round here."}</p>
        <Link href={round ? `/w/${slug}/rounds/${round.id}` : `/w/${slug}/rounds`} className="text-xl underline">
          {round ? "Back to the round" : "All rounds"}
        </Link>
      </main>
    );
  }
  return <PresentReveal slug={slug} workspaceTitle={workspace.title} round={round} reveal={round.reveal} />;
}

function PresentQuote({ evidence }: { evidence: TClaimEvidence }) {
  return (
    <li className={`border-l-4 pl-4 ${STANCE_BORDER_CLASS[evidence.stance]}`}>
      <blockquote className="text-lg leading-snug sm:text-xl 2xl:text-2xl">“{shortQuote(evidence.excerpt.exact, 200)}”</blockquote>
    </li>
  );
}
