/** Who is looking at the presentation: no session runs, the session's facilitator, or anyone else. */
export type TPresentMode = "local" | "facilitator" | "follower";

/** The viewer's mode, from the live session as they see it (null: none runs). */
export function presentModeOf(seminar: { isFacilitator: boolean } | null): TPresentMode {
  return !seminar ? "local" : seminar.isFacilitator ? "facilitator" : "follower";
}

/** What a key does on the presentation view. */
export type TPresentAction = "next" | "previous" | "leave" | "poll" | "result" | "lock";

/** The parts of a keydown that decide its action (a plain object, so the rule is testable without a DOM). */
export interface TPresentKeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  /** The focused element, if any. */
  target: { tagName: string; isContentEditable: boolean } | null;
}

/** Typing in these must not move the room: their keys belong to the field. */
const FIELDS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
/** Space presses a focused button or follows a focused link, as it does everywhere else. */
const PRESSABLE = new Set(["BUTTON", "A"]);
/** The facilitator's toggles; a held key would flip them back and forth. */
const TOGGLES: Record<string, TPresentAction> = { p: "poll", r: "result", l: "lock" };

/**
 * The presentation's keys: → / Space / Page Down for the next claim, ← / Shift+Space / Page Up
 * for the previous one, Esc to leave; for the facilitator also P (open or close the poll), R
 * (reveal or hide its result) and L (lock or unlock editing). Keys with Ctrl, Alt or Meta stay the
 * browser's, and nothing happens while a text field has the focus.
 */
export function presentKeyAction(press: TPresentKeyPress, mode: TPresentMode): TPresentAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  const target = press.target;
  if (target && (target.isContentEditable || FIELDS.has(target.tagName))) return null;
  if (press.key === " " && target && PRESSABLE.has(target.tagName)) return null;
  if (press.key === "ArrowRight" || press.key === "PageDown" || (press.key === " " && !press.shiftKey)) return "next";
  if (press.key === "ArrowLeft" || press.key === "PageUp" || press.key === " ") return "previous";
  if (press.key === "Escape") return "leave";
  const toggle = TOGGLES[press.key.toLowerCase()];
  if (toggle && mode === "facilitator" && !press.repeat) return toggle;
  return null;
}
