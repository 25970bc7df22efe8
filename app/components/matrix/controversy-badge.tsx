import { describeSplit, type TControversy } from "@/lib/domain/controversy";

function authors(n: number): string {
  return `${n} ${n === 1 ? "author" : "authors"}`;
}

/**
 * Marks a claim the authors are split on: a bar of the two sides in the stance colours, and the
 * number of authors on each side in words (mixed authors, who argue both ways, are named apart).
 */
export function ControversyBadge({ controversy }: { controversy: TControversy }) {
  if (!controversy.split) return null;
  const { supporting, opposing, score } = controversy;
  const { pro, con, mixed, label } = describeSplit(controversy);
  const forShare = (supporting / (supporting + opposing)) * 100;
  const spoken = `${authors(pro)} for, ${authors(con)} against${mixed ? `, ${mixed} mixed` : ""}`;
  return (
    <span
      data-testid="controversy-badge"
      data-score={score.toFixed(2)}
      title={`Contested: ${spoken} (controversy ${Math.round(score * 100)} %)`}
      className="mt-1.5 inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 2xl:text-base dark:bg-amber-950 dark:text-amber-200"
    >
      <span aria-hidden="true" className="flex h-1.5 w-8 overflow-hidden rounded-full">
        <span className="bg-supports" style={{ width: `${forShare}%` }} />
        <span className="flex-1 bg-opposes" />
      </span>
      <span aria-hidden="true">{label}</span>
      <span className="sr-only">Split: {spoken}</span>
    </span>
  );
}
