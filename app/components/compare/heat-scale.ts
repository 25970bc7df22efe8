import { percentOf } from "@/lib/domain/agreement";

/**
 * The heatmap's colour scale: five steps of one hue (ColorBrewer "Blues"), which colour-blind
 * readers see as light → dark, and which is never a stance colour. Every cell also shows its
 * number; text is dark on the light steps and white on the dark ones (contrast ≥ 4.5:1).
 */
export const HEAT_STEPS = [
  { from: 0, to: 19, className: "bg-[#eff3ff] text-slate-900" },
  { from: 20, to: 39, className: "bg-[#bdd7e7] text-slate-900" },
  { from: 40, to: 59, className: "bg-[#6baed6] text-slate-950" },
  { from: 60, to: 79, className: "bg-[#2171b5] text-white" },
  { from: 80, to: 100, className: "bg-[#08306b] text-white" },
] as const;

export const NO_SHARED_CLASS = "bg-white text-slate-600 dark:bg-slate-950 dark:text-slate-400";
/** Hatched grey, so the diagonal is never read as a step of the scale. */
export const SELF_CLASS =
  "bg-[image:repeating-linear-gradient(135deg,var(--color-slate-100)_0_6px,var(--color-slate-200)_6px_8px)] text-slate-600 dark:bg-[image:repeating-linear-gradient(135deg,var(--color-slate-900)_0_6px,var(--color-slate-800)_6px_8px)] dark:text-slate-400";

/** The step of a share, by the whole percentage the cell prints (so 19.6 % → "20 %" → second step); null for n = 0. */
export function heatStep(share: number | null): number | null {
  if (share === null) return null;
  const percent = percentOf(share);
  return HEAT_STEPS.findIndex((step) => percent >= step.from && percent <= step.to);
}

export function heatClass(share: number | null): string {
  const step = heatStep(share);
  return step === null ? NO_SHARED_CLASS : HEAT_STEPS[step].className;
}
