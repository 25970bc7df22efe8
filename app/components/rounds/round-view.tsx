"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROUND_ANSWERS, formatStatistic, type TRoundAnswer } from "@/lib/domain/coding-agreement";
import { STANCES, VOICES, type TVoice } from "@/lib/domain/types";
import { MAX_ROUND_REASON_LENGTH } from "@/lib/schemas/rounds";
import type { TRoundView } from "@/lib/server/rounds/get-round";
import { Link } from "../app-link";
import { workspaceApi } from "../api";
import { Button, buttonClass } from "../button";
import { useLiveData } from "../live/use-live-data";
import { useMutation } from "../use-mutation";
import { ANSWER_BAR, ANSWER_CHIP, ANSWER_LABEL, ANSWER_PRESSED, ANSWER_SIGN, describeAlpha, percent } from "./round-words";
import { FormError } from "../evidence/evidence-fields";

type TRound = TRoundView;
type TItem = TRound["items"][number];
type TReveal = NonNullable<TRound["reveal"]>;

/**
 * A round's page: the items to answer (passage and claim only), the facilitator's progress and
 * close button, or — once closed — the reveal. Answers and progress arrive over the event stream
 * (quiet `round.*` messages fetch the round again); closing re-renders the page for everyone.
 */
export function RoundView({ slug, initial }: { slug: string; initial: TRound }) {
  const path = workspaceApi(slug, `/rounds/${initial.id}`);
  const round = useLiveData<TRound>(path, initial, (m) => (m.entityType === "round" && m.entityId === initial.id) || m.entityType === "evidence");
  const base = `/w/${slug}`;
  const answeredCount = round.mine.length;
  const finished = round.participant && answeredCount === round.items.length;
  return (
    <main className="mx-auto max-w-4xl px-4 py-8" data-testid="round-page">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Coding round · <span data-testid="round-status">{round.open ? "open" : "closed"}</span>
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">{round.title}</h1>
      {round.open && round.participant ? (
        <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-300">
          Read each passage and say what it does to the claim. Answer alone: the map and the others’ answers stay hidden until you have answered every item, and the answers are
          revealed when the facilitator closes the round.
        </p>
      ) : null}
      {round.open && round.participant ? (
        <p className="mt-3 font-medium" data-testid="round-own-progress" aria-live="polite">
          {finished ? (
            <>
              You have answered all {round.items.length} items.{" "}
              <Link href={`${base}/matrix`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                The map is open again
              </Link>
              ; you can still change an answer until the round closes.
            </>
          ) : (
            `Answered ${answeredCount} of ${round.items.length}.`
          )}
        </p>
      ) : null}
      {round.open && round.runs ? <Progress slug={slug} round={round} /> : null}
      {round.open && !round.runs && !round.participant ? (
        <p className="mt-4 text-slate-600 dark:text-slate-400">This round is open; its answers are revealed when it closes. {round.finished} finished so far.</p>
      ) : null}
      {round.open && (round.participant || round.runs) ? (
        <ol className="mt-6 space-y-5">
          {round.items.map((item) => (
            <ItemCard key={item.item} slug={slug} round={round} item={item} canAnswer={round.participant} />
          ))}
        </ol>
      ) : null}
      {round.reveal ? <Reveal slug={slug} round={round} reveal={round.reveal} /> : null}
    </main>
  );
}

function Progress({ slug, round }: { slug: string; round: TRound }) {
  const mutation = useMutation();
  const router = useRouter();
  const people = round.progress ?? [];
  const done = people.filter((p) => p.finished).length;
  async function close() {
    const result = await mutation.run(workspaceApi(slug, `/rounds/${round.id}/close`), { method: "POST", body: {} });
    if (result?.ok) router.refresh();
  }
  return (
    <section className="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="progress-heading" data-testid="round-progress">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="progress-heading" className="text-lg font-semibold">
          Progress: <span data-testid="round-finished-count">{done}</span> of {people.length} finished
        </h2>
        <Button onClick={() => void close()} busy={mutation.busy} busyLabel="Closing…">
          Close and reveal
        </Button>
      </div>
      <div className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={people.length} aria-valuenow={done} aria-label="Participants finished">
        <div className="h-full bg-supports" style={{ width: `${people.length ? (100 * done) / people.length : 0}%` }} />
      </div>
      <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-2">
        {people.map((p) => (
          <li key={p.name} data-testid="round-participant" data-finished={p.finished} className="flex justify-between gap-2">
            <span>{p.name}</span>
            <span className={p.finished ? "font-semibold text-emerald-800 dark:text-emerald-300" : "text-slate-500"}>
              {p.finished ? "✓ finished" : `${p.answered} of ${round.items.length}`}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">You see who has finished, not what anyone answered.</p>
      <FormError message={mutation.error} />
    </section>
  );
}

function Passage({ item }: { item: TItem }) {
  return (
    <>
      <blockquote className="font-serif text-lg leading-relaxed text-slate-900 dark:text-slate-100">
        <span className="text-slate-400">…{item.passage.prefix.slice(-40)}</span>
        <mark className="bg-amber-100 px-0.5 dark:bg-amber-900/50">{item.passage.exact}</mark>
        <span className="text-slate-400">{item.passage.suffix.slice(0, 40)}…</span>
      </blockquote>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
        {item.passage.author}, <cite>{item.passage.sourceTitle}</cite>
      </p>
      <p className="mt-3 text-sm font-medium text-slate-500 dark:text-slate-400">Claim</p>
      <p className="font-semibold">{item.claim.text}</p>
    </>
  );
}

function ItemCard({ slug, round, item, canAnswer }: { slug: string; round: TRound; item: TItem; canAnswer: boolean }) {
  const mine = round.mine.find((a) => a.item === item.item) ?? null;
  const mutation = useMutation();
  const [reason, setReason] = useState(mine?.reason ?? "");
  const [voice, setVoice] = useState<TVoice | null>(mine?.voice ?? null);
  const [chosen, setChosen] = useState<TRoundAnswer | null>(mine?.stance ?? null);

  async function answer(stance: TRoundAnswer, withVoice = voice) {
    const body = { answers: [{ item: item.item, stance, ...(withVoice ? { voice: withVoice } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) }] };
    const result = await mutation.run(workspaceApi(slug, `/rounds/${round.id}/answers`), { method: "PUT", body });
    if (result?.ok) setChosen(stance);
  }

  return (
    <li className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="round-item" data-answered={chosen !== null}>
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Item {item.item + 1}</p>
      <Passage item={item} />
      {canAnswer ? (
        <div className="mt-4">
          <div role="group" aria-label={`Item ${item.item + 1}: what does the passage do to the claim?`} className="flex flex-wrap gap-2">
            {ROUND_ANSWERS.map((a) => (
              <button
                key={a}
                type="button"
                data-answer={a}
                aria-pressed={chosen === a}
                disabled={mutation.busy}
                onClick={() => void answer(a)}
                className={`inline-flex min-h-11 items-center gap-1.5 rounded-full border-2 border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:border-slate-500 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 ${ANSWER_PRESSED[a]}`}
              >
                <span aria-hidden="true">{ANSWER_SIGN[a]}</span>
                {ANSWER_LABEL[a]}
              </button>
            ))}
          </div>
          {round.askVoice ? (
            <div role="group" aria-label="Whose view is it?" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-600 dark:text-slate-400">Whose view?</span>
              {VOICES.map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={voice === v}
                  onClick={() => {
                    setVoice(v);
                    if (chosen) void answer(chosen, v);
                  }}
                  className="rounded-md border border-slate-300 px-2.5 py-1 aria-pressed:border-slate-900 aria-pressed:bg-slate-900 aria-pressed:text-white dark:border-slate-600 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
                >
                  {v === "AUTHOR" ? "The author’s own" : "Reported"}
                </button>
              ))}
            </div>
          ) : null}
          <label className="mt-3 block text-sm text-slate-600 dark:text-slate-400">
            Reason (optional, one line)
            <input
              value={reason}
              maxLength={MAX_ROUND_REASON_LENGTH}
              onChange={(e) => setReason(e.target.value)}
              onBlur={() => {
                if (chosen && reason.trim() !== (mine?.reason ?? "")) void answer(chosen);
              }}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            />
          </label>
          <FormError message={mutation.error} />
        </div>
      ) : null}
    </li>
  );
}

function Reveal({ slug, round, reveal }: { slug: string; round: TRound; reveal: TReveal }) {
  const { agreement } = reveal;
  const byItem = new Map(round.items.map((i) => [i.item, i]));
  const exportPath = (format: string) => `${workspaceApi(slug, `/rounds/${round.id}/export`)}?format=${format}`;
  return (
    <section className="mt-6" aria-labelledby="reveal-heading" data-testid="round-reveal">
      <h2 id="reveal-heading" className="sr-only">
        The reveal
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <p className="text-sm text-slate-500">Krippendorff’s alpha</p>
          <p className="text-4xl font-bold tabular-nums" data-testid="round-alpha">
            {formatStatistic(agreement.alpha)}
          </p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{describeAlpha(agreement.alpha)}</p>
        </div>
        <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <p className="text-sm text-slate-500">Coders</p>
          <p className="text-4xl font-bold tabular-nums">{agreement.coders}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{round.items.length} items</p>
        </div>
        {reveal.me ? (
          <div className="rounded-xl border-2 border-sky-600 p-4" data-testid="round-my-scores">
            <p className="text-sm text-slate-500">You ({reveal.me.pseudonym})</p>
            <p className="mt-1">
              With the map: <strong className="tabular-nums">κ {formatStatistic(reveal.me.kappaWithKey)}</strong>
            </p>
            <p>
              With the majority: <strong className="tabular-nums">{percent(reveal.me.agreementWithMajority)}</strong>
            </p>
          </div>
        ) : (
          <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <p className="text-sm text-slate-500">Download</p>
            <p className="mt-2 flex flex-wrap gap-2">
              <a href={exportPath("csv")} className={buttonClass({ variant: "secondary", size: "sm" })}>
                Answers (CSV)
              </a>
              <a href={exportPath("json")} className={buttonClass({ variant: "secondary", size: "sm" })}>
                Statistics (JSON)
              </a>
            </p>
            {round.runs ? (
              <Link href={`/w/${slug}/present?round=${round.id}`} data-testid="round-project" className="mt-2 inline-block text-sm text-sky-700 hover:underline dark:text-sky-400">
                Project the reveal
              </Link>
            ) : null}
          </div>
        )}
      </div>

      <h3 className="mt-8 text-lg font-semibold">Items, most disputed first</h3>
      <ol className="mt-3 space-y-4">
        {reveal.disputed.map((n) => {
          const stats = reveal.items[n];
          const item = byItem.get(n)!;
          return <RevealItem key={n} slug={slug} round={round} item={item} stats={stats} />;
        })}
      </ol>

      <Confusion reveal={reveal} />
      {reveal.names ? <Coders reveal={reveal} /> : null}
    </section>
  );
}

function RevealItem({ slug, round, item, stats }: { slug: string; round: TRound; item: TItem; stats: TReveal["items"][number] }) {
  const mutation = useMutation();
  const total = ROUND_ANSWERS.reduce((n, a) => n + stats.answers[a], 0);
  const adoptable = round.runs && stats.majority !== null && stats.majority !== "NOT_RELEVANT" && stats.majority !== stats.key;
  return (
    <li className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="reveal-item">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Item {item.item + 1}</p>
        <p className="text-sm">
          The map:{" "}
          {stats.key ? (
            <span className={ANSWER_CHIP[stats.key]} data-testid="reveal-key">
              {ANSWER_LABEL[stats.key]}
            </span>
          ) : (
            <span className="text-slate-500">no evidence</span>
          )}
        </p>
      </div>
      <Passage item={item} />
      <div className="mt-3 flex h-6 overflow-hidden rounded-md bg-slate-100 dark:bg-slate-800" aria-hidden="true">
        {ROUND_ANSWERS.map((a) => (stats.answers[a] > 0 ? <div key={a} className={ANSWER_BAR[a]} style={{ width: `${(100 * stats.answers[a]) / total}%` }} /> : null))}
      </div>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="reveal-distribution">
        {ROUND_ANSWERS.map((a) => (
          <span key={a}>
            <span aria-hidden="true">{ANSWER_SIGN[a]} </span>
            {ANSWER_LABEL[a]}: <strong className="tabular-nums">{stats.answers[a]}</strong>
          </span>
        ))}
      </p>
      {adoptable ? (
        <div className="mt-3">
          <Button
            variant="secondary"
            size="sm"
            busy={mutation.busy}
            onClick={() => void mutation.run(workspaceApi(slug, `/rounds/${round.id}/adopt`), { method: "POST", body: { item: item.item } })}
          >
            Adopt the majority ({ANSWER_LABEL[stats.majority!]}) as evidence
          </Button>
          <FormError message={mutation.error} />
        </div>
      ) : null}
    </li>
  );
}

function Confusion({ reveal }: { reveal: TReveal }) {
  return (
    <div className="mt-8 overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="round-confusion">
        <caption className="mb-2 text-left text-lg font-semibold">The map’s key × the answers</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium text-slate-500">
              Map says ↓
            </th>
            {ROUND_ANSWERS.map((a) => (
              <th key={a} scope="col" className="px-2 py-1 text-right font-medium">
                {ANSWER_LABEL[a]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STANCES.map((key) => (
            <tr key={key} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="px-2 py-1 text-left font-medium">
                {ANSWER_LABEL[key]}
              </th>
              {ROUND_ANSWERS.map((a) => (
                <td key={a} className={`px-2 py-1 text-right tabular-nums ${a === key ? "font-bold" : ""}`}>
                  {reveal.confusion[key][a]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Coders({ reveal }: { reveal: TReveal }) {
  return (
    <div className="mt-8 overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="round-coders">
        <caption className="mb-2 text-left text-lg font-semibold">Coders (names are shown only to you)</caption>
        <thead>
          <tr className="text-left text-slate-500">
            <th className="px-2 py-1 font-medium">Coder</th>
            <th className="px-2 py-1 font-medium">Name</th>
            <th className="px-2 py-1 text-right font-medium">Answered</th>
            <th className="px-2 py-1 text-right font-medium">κ with the map</th>
            <th className="px-2 py-1 text-right font-medium">With the majority</th>
          </tr>
        </thead>
        <tbody>
          {reveal.agreement.participants.map((p) => (
            <tr key={p.pseudonym} className="border-t border-slate-200 dark:border-slate-800">
              <td className="px-2 py-1">{p.pseudonym}</td>
              <td className="px-2 py-1">{reveal.names?.[p.pseudonym]}</td>
              <td className="px-2 py-1 text-right tabular-nums">{p.answered}</td>
              <td className="px-2 py-1 text-right tabular-nums">{formatStatistic(p.kappaWithKey)}</td>
              <td className="px-2 py-1 text-right tabular-nums">{percent(p.agreementWithMajority)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
