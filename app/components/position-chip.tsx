import type { TPositionStance } from "@/lib/domain/types";
import { POSITION_CHIP_CLASS, STANCE_ICON, STANCE_LABEL } from "./stance";

const SIZE = {
  sm: "gap-1 px-2 py-0.5 text-xs",
  md: "gap-1.5 px-2.5 py-1 text-sm",
  // Large enough to read from the back of a seminar room on a projector.
  lg: "chip-lg",
} as const;

/** An author's position: colour, shape and word, so it reads without colour too. */
export function PositionChip({ stance, size = "md" }: { stance: TPositionStance; size?: keyof typeof SIZE }) {
  return (
    <span
      data-testid="position-chip"
      data-stance={stance}
      className={`chip ${SIZE[size]} ${POSITION_CHIP_CLASS[stance]}`}
    >
      <span aria-hidden="true">{STANCE_ICON[stance]}</span>
      {STANCE_LABEL[stance]}
    </span>
  );
}
