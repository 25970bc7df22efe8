import type { TPositionStance } from "@/lib/domain/types";
import { STANCE_LABEL } from "./stance";

/** Shown next to a position a member set explicitly, with what the evidence alone says. */
export function SetByHand({ derived, note }: { derived: TPositionStance; note?: string | null }) {
  const title = [`Set by hand; the evidence alone says ${STANCE_LABEL[derived]}.`, note].filter(Boolean).join(" ");
  return (
    <span data-testid="set-by-hand" title={title} className="inline-flex items-center gap-1 text-xs font-medium italic text-slate-600 dark:text-slate-300">
      <span aria-hidden="true">✎</span>set by hand
    </span>
  );
}
