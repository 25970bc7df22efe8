import type { TStance } from "@/lib/domain/types";
import { STANCE_DOT_CLASS, STANCE_ICON, STANCE_LABEL } from "./stance";

/** The stance of one piece of evidence: a coloured mark and the word. */
export function StanceLabel({ stance }: { stance: TStance }) {
  return (
    <span data-testid="stance-label" data-stance={stance} className="inline-flex items-center gap-1.5 text-sm font-semibold">
      <span aria-hidden="true" className={`inline-flex size-4 items-center justify-center rounded-full text-[0.65rem] leading-none text-slate-950 ${STANCE_DOT_CLASS[stance]}`}>
        {STANCE_ICON[stance]}
      </span>
      <span className="text-slate-800 dark:text-slate-200">{STANCE_LABEL[stance]}</span>
    </span>
  );
}
