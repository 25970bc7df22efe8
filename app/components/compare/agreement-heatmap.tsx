import { Link } from "@/app/components/app-link";
import { agreementLabel, percentOf, type TAgreement } from "@/lib/domain/agreement";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import { AuthorDot, FALLBACK_ACCENT } from "../author-badge";
import { HEAT_STEPS, NO_SHARED_CLASS, SELF_CLASS, heatClass } from "./heat-scale";

interface TProps {
  slug: string;
  authors: TMatrixAuthor[];
  agreement: Record<string, Record<string, TAgreement>>;
  accents: Map<string, string>;
  /** The pair being compared, if any, is outlined. */
  chosen: readonly string[];
  /** The room (the majority of the participants' votes) against each author: a last row and column, once anyone has voted. */
  room?: { voters: number; agreement: Record<string, TAgreement> } | null;
}

/**
 * Author × author: on the claims where both take a position, the share on which they take the
 * same one, with n. A real table (th scope) so a screen reader reads "Katz, Nurimbetov: 67 % · n = 6".
 */
export function AgreementHeatmap({ slug, authors, agreement, accents, chosen, room }: TProps) {
  const pair = chosen.length === 2 ? new Set(chosen) : null;
  const withRoom = room && room.voters > 0 ? room : null;
  return (
    <div>
      <div className="overflow-x-auto">
        <table data-testid="heatmap" className="border-separate border-spacing-0.5 text-sm sm:border-spacing-1">
          <caption className="sr-only">
            Agreement between authors: for each pair, the share of the claims on which both take a position where they take the same one, and how many such claims
            there are (n). Select a cell to compare the two authors.
          </caption>
          <thead>
            <tr>
              <td className="p-0" />
              {authors.map((author) => (
                <th key={author.id} scope="col" className="px-0.5 pb-1 align-bottom text-xs font-semibold text-slate-700 sm:min-w-[6.5rem] sm:px-1 sm:text-sm dark:text-slate-300">
                  {/* Upright from a tablet's width; on a phone the names run upwards so five columns fit. */}
                  <span className="inline-block rotate-180 [writing-mode:vertical-rl] sm:rotate-0 sm:[writing-mode:horizontal-tb]">
                    <AuthorName author={author} accent={accents.get(author.id) ?? FALLBACK_ACCENT} />
                  </span>
                </th>
              ))}
              {withRoom ? (
                <th scope="col" data-testid="heatmap-room-column" className="px-0.5 pb-1 align-bottom text-xs font-semibold text-slate-700 sm:min-w-[6.5rem] sm:px-1 sm:text-sm dark:text-slate-300">
                  <span className="inline-block rotate-180 [writing-mode:vertical-rl] sm:rotate-0 sm:[writing-mode:horizontal-tb]">
                    <RoomName voters={withRoom.voters} />
                  </span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {authors.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="max-w-[5.5rem] pr-1.5 text-left text-xs font-semibold text-slate-700 sm:max-w-none sm:pr-2 sm:text-sm dark:text-slate-300">
                  <AuthorName author={row} accent={accents.get(row.id) ?? FALLBACK_ACCENT} />
                </th>
                {authors.map((column) => {
                  const value = agreement[row.id][column.id];
                  const self = row.id === column.id;
                  const current = pair !== null && !self && pair.has(row.id) && pair.has(column.id);
                  const base = "h-14 min-w-12 rounded-md p-0 text-center align-middle tabular-nums sm:h-16 sm:min-w-[6.5rem]";
                  if (self) {
                    return (
                      <td key={column.id} data-testid="heatmap-self" className={`${base} ${SELF_CLASS}`}>
                        <span className="text-xs italic">self</span>
                      </td>
                    );
                  }
                  return (
                    <td
                      key={column.id}
                      data-testid="heatmap-cell"
                      data-a={row.id}
                      data-b={column.id}
                      data-n={value.n}
                      data-percent={value.share === null ? "" : percentOf(value.share)}
                      className={`${base} ${heatClass(value.share)} ${value.n === 0 ? "border border-dashed border-slate-300 dark:border-slate-700" : ""} ${current ? "ring-3 ring-slate-900 dark:ring-slate-100" : ""}`}
                    >
                      <Link
                        href={`/w/${slug}/compare?authors=${row.id},${column.id}`}
                        aria-current={current ? "page" : undefined}
                        className="flex h-full w-full flex-col items-center justify-center rounded-md px-1 leading-tight hover:outline-2 hover:outline-slate-500"
                      >
                        <span className="sr-only">
                          Compare {row.shortName} and {column.shortName}: {value.n > 0 ? "agree on " : ""}
                        </span>
                        <HeatValue value={value} />
                      </Link>
                    </td>
                  );
                })}
                {withRoom ? <RoomCell author={row} value={withRoom.agreement[row.id]} /> : null}
              </tr>
            ))}
            {withRoom ? (
              <tr data-testid="heatmap-room-row">
                <th scope="row" className="max-w-[5.5rem] pr-1.5 text-left text-xs font-semibold text-slate-700 sm:max-w-none sm:pr-2 sm:text-sm dark:text-slate-300">
                  <RoomName voters={withRoom.voters} />
                </th>
                {authors.map((column) => (
                  <RoomCell key={column.id} author={column} value={withRoom.agreement[column.id]} />
                ))}
                <td className={`h-14 min-w-12 rounded-md p-0 text-center align-middle sm:h-16 sm:min-w-[6.5rem] ${SELF_CLASS}`}>
                  <span className="text-xs italic">self</span>
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <HeatLegend />
    </div>
  );
}

function RoomName({ voters }: { voters: number }) {
  return (
    <span className="inline-flex flex-col items-start leading-tight sm:items-center" title="The majority of the participants’ votes on each claim">
      <span>The room</span>
      <span className="text-[0.7rem] font-normal text-slate-500 dark:text-slate-400">
        {voters} {voters === 1 ? "voter" : "voters"}
      </span>
    </span>
  );
}

/** The room against one author: not a link, as Compare sets authors side by side and the room has no quotes. */
function RoomCell({ author, value }: { author: TMatrixAuthor; value: TAgreement | undefined }) {
  const shown = value ?? { n: 0, agree: 0, disagree: 0, differ: 0, share: null };
  return (
    <td
      data-testid="heatmap-room-cell"
      data-author={author.id}
      data-n={shown.n}
      data-percent={shown.share === null ? "" : percentOf(shown.share)}
      className={`h-14 min-w-12 rounded-md p-0 text-center align-middle tabular-nums sm:h-16 sm:min-w-[6.5rem] ${heatClass(shown.share)} ${shown.n === 0 ? "border border-dashed border-slate-300 dark:border-slate-700" : ""}`}
    >
      <span className="flex h-full w-full flex-col items-center justify-center px-1 leading-tight">
        <span className="sr-only">The room and {author.shortName}: {shown.n > 0 ? "agree on " : ""}</span>
        <HeatValue value={shown} />
      </span>
    </td>
  );
}

function AuthorName({ author, accent }: { author: TMatrixAuthor; accent: string }) {
  return (
    <span className="inline-flex items-center gap-1.5" title={author.name}>
      <AuthorDot accent={accent} className="size-2" />
      <span className="break-words">{author.shortName}</span>
    </span>
  );
}

function HeatValue({ value }: { value: TAgreement }) {
  if (value.n === 0 || value.share === null) {
    return (
      <span data-testid="heat-label" className="text-[0.7rem] leading-tight sm:text-xs">
        {agreementLabel(value)}
      </span>
    );
  }
  return (
    <span data-testid="heat-label" className="flex flex-col items-center">
      <span className="text-sm font-bold whitespace-nowrap sm:text-base">{percentOf(value.share)} %</span>
      <span className="sr-only"> · </span>
      <span className="text-[0.7rem] whitespace-nowrap sm:text-xs">n = {value.n}</span>
    </span>
  );
}

function HeatLegend() {
  return (
    <div className="mt-3 flex flex-col gap-2 text-xs text-slate-600 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-5 dark:text-slate-400">
      <div className="flex flex-wrap items-center gap-1">
        <span className="mr-1 font-semibold">Agree on</span>
        <ul className="contents">
          {HEAT_STEPS.map((step) => (
            <li key={step.from} className={`rounded px-2 py-1 tabular-nums ${step.className}`}>
              {step.from}–{step.to} %
            </li>
          ))}
        </ul>
      </div>
      <p className="flex items-center gap-1.5">
        <span className={`shrink-0 rounded border border-dashed border-slate-300 px-2 py-1 dark:border-slate-700 ${NO_SHARED_CLASS}`}>no shared claims</span>
        <span>the two never take a position on the same claim</span>
      </p>
      <p className="flex items-center gap-1.5">
        <span className={`shrink-0 rounded px-2 py-1 italic ${SELF_CLASS}`}>self</span>
        <span>an author with themself</span>
      </p>
    </div>
  );
}
