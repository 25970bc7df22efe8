"use client";
import { useRouter } from "next/navigation";
import type { TInviteEntry } from "@/lib/server/invites/list-invites";
import { ROLE_TEXT } from "@/lib/domain/visibility";
import { ConfirmButton } from "../confirm-button";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

/** An open invite link as the list shows it (when it was made is not shown). */
export type TInviteView = Omit<TInviteEntry, "createdAt">;

/** The open invite links: who made each, how often it was used, until when; each can be withdrawn. */
export function InviteList({ slug, invites }: { slug: string; invites: TInviteView[] }) {
  const router = useRouter();
  const mutation = useMutation();

  async function withdraw(id: string) {
    const result = await mutation.run(`/api/workspaces/${slug}/invites/${id}`, { method: "DELETE" });
    if (result?.ok) router.refresh();
  }

  if (invites.length === 0) return <p className="text-sm text-slate-500">No open invite links.</p>;
  return (
    <div className="space-y-2">
      <FormError message={mutation.error} />
      <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="open-invites">
        {invites.map((invite) => (
          <li key={invite.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2" data-testid="open-invite">
            <span>
              <span className="font-medium">{ROLE_TEXT[invite.role].label}</span>
              {invite.emailDomain ? <span className="text-slate-600 dark:text-slate-400"> · only @{invite.emailDomain}</span> : null}
              <span className="block text-slate-500">
                {invite.uses} of {invite.maxUses} used · until {invite.expiresAt.slice(0, 16).replace("T", " ")} UTC · made by {invite.createdBy?.name ?? "a former member"}
              </span>
            </span>
            <ConfirmButton label="Withdraw" confirmLabel="Withdraw" question="Withdraw this link? It stops admitting anyone." busy={mutation.busy} testId={`withdraw-${invite.id}`} onConfirm={() => withdraw(invite.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
