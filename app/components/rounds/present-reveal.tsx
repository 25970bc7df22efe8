import { Link } from "@/app/components/app-link";
import { ROUND_ANSWERS, formatStatistic } from "@/lib/domain/coding-agreement";
import { shortQuote } from "@/lib/domain/seminar";
import type { TRoundView } from "@/lib/server/rounds/get-round";
import { PresentLeaveKey } from "./present-leave-key";
import { ANSWER_BAR, ANSWER_CHIP, ANSWER_LABEL, ANSWER_SIGN, describeAlpha } from "./round-words";

type TReveal = NonNullable<TRoundView["reveal"]>;

/**
 * A closed round's reveal on the projector: alpha in type read from the back of the room, then the
 * items, most disputed first, each with its claim, passage, the answers' split and the map's key.
 * No names: the coders' own scores stay on their round page.
 */
export function PresentReveal({ slug, workspaceTitle, round, reveal }: { slug: string; workspaceTitle: string; round: TRoundView; reveal: TReveal }) {
  const byItem = new Map(round.items.map((i) => [i.item, i]));
  const roundPath = `/w/${slug}/rounds/${round.id}`;
  return (
    <main data-testid="present-reveal" data-presentation className="flex min-h-screen flex-col bg-white px-6 py-5 text-slate-900 sm:px-10 2xl:px-14 dark:bg-slate-950 dark:text-slate-50">
      <header className="flex flex-wrap items-center justify-between gap-4 text-lg text-slate-500 2xl:text-2xl dark:text-slate-400">
        <p>
          Coding round · revealed<span className="hidden sm:inline"> · {workspaceTitle}</span>
        </p>
      </header>
      <div className="mt-4 grid flex-1 content-start gap-8 xl:grid-cols-[minmax(20rem,26rem)_1fr]">
        <section aria-labelledby="present-round-title">
          <h1 id="present-round-title" className="text-3xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">
            {round.title}
          </h1>
          <div className="mt-6 rounded-2xl border border-slate-200 p-6 dark:border-slate-800">
            <p className="text-xl text-slate-500 2xl:text-2xl dark:text-slate-400">Krippendorff’s alpha</p>
            <p data-testid="present-alpha" className="text-7xl font-bold tabular-nums 2xl:text-8xl">
              {formatStatistic(reveal.agreement.alpha)}
            </p>
            <p className="mt-2 text-xl leading-snug 2xl:text-2xl">{describeAlpha(reveal.agreement.alpha)}</p>
            <p className="mt-4 text-xl text-slate-600 2xl:text-2xl dark:text-slate-400">
              {reveal.agreement.coders} {reveal.agreement.coders === 1 ? "coder" : "coders"} · {round.items.length} {round.items.length === 1 ? "item" : "items"}
            </p>
          </div>
        </section>
        <section aria-labelledby="present-items-heading">
          <h2 id="present-items-heading" className="text-xl font-semibold text-slate-500 2xl:text-2xl dark:text-slate-400">
            Most disputed first
          </h2>
          <ol className="mt-3 flex flex-col gap-4">
            {reveal.disputed.map((n) => {
              const stats = reveal.items[n];
              const item = byItem.get(n)!;
              const total = ROUND_ANSWERS.reduce((sum, a) => sum + stats.answers[a], 0);
              return (
                <li key={n} data-testid="present-reveal-item" className="rounded-2xl border border-slate-200 p-5 dark:border-slate-800">
                  <div className="flex flex-wrap items-baseline justify-between gap-3">
                    <p className="text-2xl leading-snug font-semibold 2xl:text-3xl">{item.claim.text}</p>
                    <p className="text-lg 2xl:text-xl">
                      The map:{" "}
                      {stats.key ? <span className={ANSWER_CHIP[stats.key]}>{ANSWER_LABEL[stats.key]}</span> : <span className="text-slate-500">no evidence</span>}
                    </p>
                  </div>
                  <blockquote className="mt-2 font-serif text-lg leading-snug text-slate-700 2xl:text-xl dark:text-slate-300">
                    “{shortQuote(item.passage.exact, 180)}” <span className="font-sans text-base text-slate-500">— {item.passage.author}</span>
                  </blockquote>
                  <div className="mt-3 flex h-8 overflow-hidden rounded-lg bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                    {ROUND_ANSWERS.map((a) => (stats.answers[a] > 0 ? <div key={a} className={ANSWER_BAR[a]} style={{ width: `${(100 * stats.answers[a]) / total}%` }} /> : null))}
                  </div>
                  <p className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xl 2xl:text-2xl">
                    {ROUND_ANSWERS.map((a) => (
                      <span key={a}>
                        <span aria-hidden="true">{ANSWER_SIGN[a]} </span>
                        {ANSWER_LABEL[a]} <strong className="tabular-nums">{stats.answers[a]}</strong>
                      </span>
                    ))}
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      </div>
      <footer className="mt-5 text-sm text-slate-500 2xl:text-base dark:text-slate-400">
        Esc to leave ·{" "}
        <Link href={roundPath} className="underline">
          Back to the round
        </Link>
      </footer>
      <PresentLeaveKey to={roundPath} />
    </main>
  );
}
