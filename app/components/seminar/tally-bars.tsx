import { tallyPercentages, type TTally } from "@/lib/domain/seminar";
import { VOTE_CHOICES } from "@/lib/domain/types";
import { CHOICE_BAR_CLASS, CHOICE_ICON, CHOICE_LABEL } from "./vote-words";

const SIZE = {
  sm: { row: "text-xs gap-2", bar: "h-2", label: "w-20" },
  md: { row: "text-sm gap-3", bar: "h-3", label: "w-24" },
  // Read from the back of a room.
  lg: { row: "text-xl gap-4", bar: "h-5", label: "w-36" },
} as const;

/** A histogram of votes: a bar per choice with its count and share, readable as a list without colour. */
export function TallyBars({ tally, size = "md", testId = "tally" }: { tally: TTally; size?: keyof typeof SIZE; testId?: string }) {
  const shares = tallyPercentages(tally);
  const s = SIZE[size];
  return (
    <ul data-testid={testId} data-total={tally.total} className="flex flex-col gap-1.5">
      {VOTE_CHOICES.map((choice) => (
        <li key={choice} data-testid="tally-row" data-choice={choice} data-count={tally[choice]} className={`flex items-center ${s.row}`}>
          <span className={`shrink-0 font-medium ${s.label}`}>
            <span aria-hidden="true">{CHOICE_ICON[choice]} </span>
            {CHOICE_LABEL[choice]}
          </span>
          <span aria-hidden="true" className={`relative min-w-0 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${s.bar}`}>
            <span className={`absolute inset-y-0 left-0 rounded-full ${CHOICE_BAR_CLASS[choice]}`} style={{ width: `${shares[choice]}%` }} />
          </span>
          <span className="shrink-0 tabular-nums">
            {tally[choice]} <span className="text-slate-500 dark:text-slate-400">({shares[choice]}%)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
