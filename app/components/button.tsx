import type { ComponentProps, ReactNode } from "react";

export type TButtonVariant = "primary" | "secondary" | "quiet" | "danger";
export type TButtonSize = "xs" | "sm" | "md" | "lg" | "xl";

const VARIANT: Record<TButtonVariant, string> = {
  /** The one action a form or panel is for. */
  primary: "bg-slate-900 font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white",
  /** An action beside the text it acts on (edit, add a link, sign out), outlined. */
  secondary: "border border-slate-300 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800",
  /** Cancel, keep, reply: no outline until hovered. */
  quiet: "font-medium text-slate-600 hover:bg-slate-100 disabled:opacity-60 dark:text-slate-300 dark:hover:bg-slate-800",
  /** Confirms a deletion. */
  danger: "bg-opposes font-semibold text-slate-950 hover:brightness-95 disabled:opacity-60",
};

const SIZE: Record<TButtonSize, string> = {
  /** Inline with text: an edit or delete beside what it acts on, a confirmation. */
  xs: "rounded-md px-2.5 py-1 text-sm",
  /** Compact forms in panels and popovers. */
  sm: "rounded-md px-3 py-1.5 text-sm",
  md: "rounded-lg px-4 py-2 text-sm",
  /** In the text size around it (a claim's heading). */
  lg: "rounded-lg px-4 py-2",
  /** A page's main action (sign in, open the matrix). */
  xl: "rounded-lg px-4 py-2.5",
};

/**
 * A quiet button has no box at rest, so its text sits where the padding puts it: inline it lines up
 * with the text around it (comment actions), beside a primary button it keeps a step closer.
 */
const QUIET_SIZE: Partial<Record<TButtonSize, string>> = {
  xs: "rounded-md px-2 py-1 text-sm",
  md: "rounded-lg px-3 py-2 text-sm",
};

/** The classes of a button's look, for a link that looks like a button. */
export function buttonClass({ variant = "primary", size = "md", className }: { variant?: TButtonVariant; size?: TButtonSize; className?: string } = {}): string {
  return [(variant === "quiet" && QUIET_SIZE[size]) || SIZE[size], VARIANT[variant], className].filter(Boolean).join(" ");
}

type TButtonProps = ComponentProps<"button"> & {
  variant?: TButtonVariant;
  size?: TButtonSize;
  /** While its action runs: disabled, announced as busy, and labelled `busyLabel` if given. */
  busy?: boolean;
  busyLabel?: ReactNode;
};

/** A button in one of the app's looks; `type` is "button" unless said otherwise, so it never submits by accident. */
export function Button({ variant, size, busy = false, busyLabel, className, type = "button", disabled, children, ...props }: TButtonProps) {
  return (
    <button {...props} type={type} disabled={disabled || busy} aria-busy={busy || undefined} className={buttonClass({ variant, size, className })}>
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}
