"use client";
import { Button } from "./button";

/** The two ways out of an edit conflict: re-apply one's own version over the current one, or drop it. */
export function ConflictButtons({ busy, onReapply, onDiscard }: { busy: boolean; onReapply: () => void; onDiscard: () => void }) {
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <Button size="sm" disabled={busy} onClick={onReapply}>
        Re-apply mine
      </Button>
      <Button variant="secondary" size="sm" onClick={onDiscard}>
        Discard mine
      </Button>
    </div>
  );
}
