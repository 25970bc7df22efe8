"use client";
import { useRouter } from "next/navigation";
import { workspaceApi } from "../api";
import { useMutation } from "../use-mutation";

/** Moves this claim one place up or down in the workspace's order (the matrix's rows). */
export function ClaimOrderButtons({ slug, claimId, order }: { slug: string; claimId: string; order: string[] }) {
  const router = useRouter();
  const mutation = useMutation();
  const at = order.indexOf(claimId);

  async function move(by: -1 | 1) {
    const next = [...order];
    [next[at], next[at + by]] = [next[at + by], next[at]];
    const result = await mutation.run(workspaceApi(slug, "/claims/order"), { method: "PUT", body: { order: next } });
    if (result?.ok) router.refresh();
  }

  if (at === -1) return null;
  const button = "rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-slate-700";
  return (
    <div className="no-print flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400" data-testid="claim-order">
      <span>
        Claim {at + 1} of {order.length}
      </span>
      <button type="button" className={button} disabled={mutation.busy || at === 0} onClick={() => void move(-1)} data-testid="claim-move-up">
        Move up
      </button>
      <button type="button" className={button} disabled={mutation.busy || at === order.length - 1} onClick={() => void move(1)} data-testid="claim-move-down">
        Move down
      </button>
      {mutation.error ? <span role="alert" className="text-red-700 dark:text-red-400">{mutation.error}</span> : null}
    </div>
  );
}
