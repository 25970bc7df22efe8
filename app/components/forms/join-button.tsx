"use client";
import { useRouter } from "next/navigation";
import { Button } from "../button";
import { useMutation } from "../use-mutation";

/** Accepts an invite for the signed-in person and opens the workspace. */
export function JoinButton({ token }: { token: string }) {
  const router = useRouter();
  const mutation = useMutation();
  async function join() {
    const result = await mutation.run<{ slug: string }>(`/api/invites/${token}/accept`, { method: "POST" }, { stayBusy: true });
    if (result?.ok) router.push(`/w/${result.data.slug}/matrix`);
  }
  return (
    <div className="space-y-2">
      <Button onClick={() => void join()} busy={mutation.busy} busyLabel="Joining…" data-testid="join-button">
        Join the seminar
      </Button>
      {mutation.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{mutation.error}</p> : null}
    </div>
  );
}
