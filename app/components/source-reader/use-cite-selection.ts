"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { CITE_WIDTH } from "./cite-popover";
import { RUN_START_ATTRIBUTE, offsetsOfSelection, rangeOfOffsets } from "./selection-offsets";

type TInput = "pointer" | "touch" | "keyboard";

/** A passage selected for citing, and where its popover goes. */
export interface TPendingCite {
  start: number;
  end: number;
  top: number;
  left: number;
  via: TInput;
}

/** The name of the CSS highlight that draws the passage being cited while the form is open. */
const DRAFT_HIGHLIGHT = "stancemap-cite";
/** Touch selections are adjusted with handles; wait until they rest before opening the sheet. */
export const SELECTION_SETTLE_MS = 400;
/** Selection changes this soon after the text re-rendered come from the DOM changing, not a person. */
const RENDER_QUIET_MS = 300;

const EXTEND_KEYS: Record<string, { direction: "forward" | "backward"; granularity: string }> = {
  ArrowRight: { direction: "forward", granularity: "character" },
  ArrowLeft: { direction: "backward", granularity: "character" },
  ArrowDown: { direction: "forward", granularity: "line" },
  ArrowUp: { direction: "backward", granularity: "line" },
  End: { direction: "forward", granularity: "lineboundary" },
  Home: { direction: "backward", granularity: "lineboundary" },
};

interface TCiteSelectionInput {
  /** Whether selecting offers to cite at all. */
  editable: boolean;
  text: string;
  /** The element holding the text's runs. */
  textBox: RefObject<HTMLDivElement | null>;
  /** The text and its popovers: a pointer down outside it dismisses a pristine popover. */
  container: RefObject<HTMLDivElement | null>;
  /** Changes whenever the text's DOM is rendered anew. */
  rendered: unknown;
  /** Where a popover of `width` goes for a selection drawn as `rects`. */
  place: (rects: ArrayLike<DOMRect>, width: number) => { top: number; left: number };
  /** A selection is being offered for citing (anything else open should close). */
  onSelect: () => void;
}

/**
 * Selecting a passage of the text to cite it, by mouse, touch (once the handles rest) or keyboard
 * (Shift+arrows, then releasing Shift or pressing Enter): the pending cite, the handlers the text
 * element needs, and what happens when the cite form is cancelled or done.
 */
export function useCiteSelection({ editable, text, textBox, container, rendered, place, onSelect }: TCiteSelectionInput) {
  const [cite, setCite] = useState<TPendingCite | null>(null);
  const citeDirty = useRef(false);
  const pointerDown = useRef(false);
  const shiftHeld = useRef(false);
  const renderedAt = useRef(Number.NEGATIVE_INFINITY);
  const latestOnSelect = useRef(onSelect);
  useEffect(() => {
    latestOnSelect.current = onSelect;
  });

  // When the text re-renders under a selection (a live update adds a highlight), the browser moves
  // the selection itself; remember when, so that this is not taken for the reader's doing.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) renderedAt.current = performance.now();
    mounted.current = true;
  }, [rendered]);

  /** Opens (or moves) the cite popover for the current selection, if it selects some of the text. */
  const evaluateSelection = useCallback(
    (via: TInput) => {
      const box = textBox.current;
      if (!editable || !box) return;
      const selection = window.getSelection();
      const span = offsetsOfSelection(box, selection, text);
      if (!span || !selection) return;
      const range = selection.getRangeAt(selection.rangeCount - 1);
      const rects = range.getClientRects();
      const at = place(rects.length ? rects : [range.getBoundingClientRect()], CITE_WIDTH);
      latestOnSelect.current();
      setCite((current) => (current && current.start === span.start && current.end === span.end ? current : { ...span, ...at, via: current?.via ?? via }));
    },
    [editable, text, place, textBox],
  );

  // Touch selections (long-press, then handles) and anything else that changes the selection
  // without a mouseup or a Shift release: act once it has rested.
  useEffect(() => {
    if (!editable) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (pointerDown.current || shiftHeld.current) return;
      if (performance.now() - renderedAt.current < RENDER_QUIET_MS) return;
      clearTimeout(timer);
      timer = setTimeout(() => evaluateSelection("touch"), SELECTION_SETTLE_MS);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (textBox.current?.contains(event.target as Node)) pointerDown.current = true;
    };
    const onPointerUp = () => {
      pointerDown.current = false;
    };
    const onBlur = () => {
      shiftHeld.current = false;
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("pointerup", onPointerUp, true);
    document.addEventListener("pointercancel", onPointerUp, true);
    window.addEventListener("blur", onBlur);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("pointerup", onPointerUp, true);
      document.removeEventListener("pointercancel", onPointerUp, true);
      window.removeEventListener("blur", onBlur);
    };
  }, [editable, evaluateSelection, textBox]);

  // A pristine popover closes when the reader clicks elsewhere; one holding input stays.
  useEffect(() => {
    if (!cite) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (citeDirty.current || container.current?.contains(target)) return;
      setCite(null);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [cite, container]);

  // The passage being cited stays visibly marked while focus is in the form (which clears the
  // browser's own selection), without changing the text's DOM.
  useLayoutEffect(() => {
    const box = textBox.current;
    if (!cite || !box || typeof CSS === "undefined" || !("highlights" in CSS) || typeof Highlight === "undefined") return;
    const range = rangeOfOffsets(box, cite.start, cite.end);
    if (!range) return;
    CSS.highlights.set(DRAFT_HIGHLIGHT, new Highlight(range));
    return () => {
      CSS.highlights.delete(DRAFT_HIGHLIGHT);
    };
  }, [cite, rendered, textBox]);

  const restoreSelection = (span: { start: number; end: number }) => {
    const box = textBox.current;
    const range = box && rangeOfOffsets(box, span.start, span.end);
    const selection = window.getSelection();
    if (!range || !selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
    box.focus({ preventScroll: true });
  };

  /** Shift+arrows extend the selection inside the focused text, starting at the first line in view. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const selection = window.getSelection();
    if (!selection) return;
    const extend = EXTEND_KEYS[event.key];
    if (event.shiftKey && extend) {
      event.preventDefault();
      shiftHeld.current = true;
      placeCaretIfOutside(event.currentTarget, selection);
      const granularity = extend.granularity === "character" && (event.ctrlKey || event.altKey) ? "word" : extend.granularity;
      selection.modify("extend", extend.direction, granularity);
    } else if (!event.shiftKey && (event.key === "ArrowLeft" || event.key === "ArrowRight") && event.currentTarget.contains(selection.anchorNode)) {
      event.preventDefault();
      selection.modify("move", event.key === "ArrowRight" ? "forward" : "backward", event.ctrlKey || event.altKey ? "word" : "character");
    } else if (event.key === "Enter" && !selection.isCollapsed) {
      event.preventDefault();
      evaluateSelection("keyboard");
    }
  };

  const onKeyUp = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Shift") return;
    shiftHeld.current = false;
    evaluateSelection("keyboard");
  };

  const onMouseUp = () => {
    pointerDown.current = false;
    // The selection is final only after the event; read it on the next tick.
    setTimeout(() => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) evaluateSelection("pointer");
      else if (cite && !citeDirty.current) setCite(null);
    }, 0);
  };

  const onTouchEnd = () => setTimeout(() => evaluateSelection("touch"), SELECTION_SETTLE_MS);

  return {
    cite,
    /** The handlers of the text element; none when it cannot be cited from. */
    textHandlers: editable ? { onKeyDown, onKeyUp, onMouseUp, onTouchEnd } : {},
    /** Whether the cite form holds input (then it is not thrown away by a click elsewhere). */
    isDirty: () => cite !== null && citeDirty.current,
    setDirty: (dirty: boolean) => {
      citeDirty.current = dirty;
    },
    /** Closes a pristine cite form for something else (the evidence panel). */
    dismiss: () => setCite(null),
    /** The form was cancelled: keyboard users go back to the selection, to adjust it and try again. */
    cancel: () => {
      const closing = cite;
      setCite(null);
      citeDirty.current = false;
      if (closing?.via === "keyboard") restoreSelection(closing);
      else window.getSelection()?.removeAllRanges();
    },
    /** The passage was cited: the selection goes, keyboard users return to the text. */
    finish: () => {
      const closing = cite;
      setCite(null);
      citeDirty.current = false;
      window.getSelection()?.removeAllRanges();
      if (closing?.via === "keyboard") textBox.current?.focus({ preventScroll: true });
    },
  };
}

/** With no selection in the text yet, start one at the first line in view. */
function placeCaretIfOutside(box: HTMLElement, selection: Selection) {
  if (selection.rangeCount > 0 && box.contains(selection.anchorNode) && box.contains(selection.focusNode)) return;
  const runs = Array.from(box.querySelectorAll(`[${RUN_START_ATTRIBUTE}]`));
  const inView = runs.find((run) => run.getBoundingClientRect().bottom > 0) ?? runs[0];
  if (inView?.firstChild) selection.collapse(inView.firstChild, 0);
}
