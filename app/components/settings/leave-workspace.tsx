"use client";
import { useRouter } from "next/navigation";
import { ConfirmButton } from "../confirm-button";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

/** A member leaves the workspace; an owner who is the only one is told to hand it over first. */
export function LeaveWorkspace({ slug, userId }: { slug: string; userId: string }) {
  const router = useRouter();
  const mutation = useMutation();

  async function leave() {
    const result = await mutation.run(`/api/workspaces/${slug}/members/${userId}`, { method: "DELETE" });
    if (result?.ok) router.push("/");
  }

  return (
    <div className="space-y-2">
      <ConfirmButton label="Leave this workspace…" confirmLabel="Leave" question="Leave? You will need a new invite link to come back." busy={mutation.busy} testId="leave-workspace" onConfirm={leave} />
      <FormError message={mutation.error} />
    </div>
  );
}
