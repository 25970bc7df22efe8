import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { notFound } from "next/navigation";
import { JoinButton } from "@/app/components/forms/join-button";
import { ZInviteParamsSchema } from "@/lib/schemas/workspaces";
import { AppError } from "@/lib/errors/app-error";
import { findInvite, WITHDRAWN_MESSAGE } from "@/lib/server/invites/accept-invite";
import { viewerOfPage } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a seminar" };

const ROLE_TEXT = { OWNER: "an owner", EDITOR: "an editor: you can add evidence and claims", COMMENTER: "a commenter: you can read and discuss", VIEWER: "a viewer: you can read" } as const;

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!ZInviteParamsSchema.safeParse({ token }).success) notFound();
  let invite;
  try {
    invite = await findInvite(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "GONE") return <Withdrawn />;
    throw error;
  }
  if (!invite) notFound();
  const viewer = await viewerOfPage();
  const next = encodeURIComponent(`/join/${token}`);
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <p className="text-sm uppercase tracking-wide text-slate-500">Invitation</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{invite.workspace.title}</h1>
      {invite.problem ? (
        <p role="alert" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200">
          This invite link has {invite.problem}. Ask the facilitator for a new one.
        </p>
      ) : (
        <div className="mt-6 space-y-6">
          <p className="text-lg text-slate-700 dark:text-slate-300">You are invited to join as {ROLE_TEXT[invite.role]}.</p>
          {invite.emailDomain ? <p className="text-slate-600 dark:text-slate-400">This link is for accounts with an email address at {invite.emailDomain}.</p> : null}
          {viewer ? (
            <JoinButton token={token} />
          ) : (
            <p className="flex flex-wrap gap-3">
              <Link href={`/sign-up?next=${next}`} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white dark:bg-slate-100 dark:text-slate-900">
                Create an account to join
              </Link>
              <Link href={`/sign-in?next=${next}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-700">
                I have an account
              </Link>
            </p>
          )}
        </div>
      )}
    </main>
  );
}

function Withdrawn() {
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <p className="text-sm uppercase tracking-wide text-slate-500">Invitation</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{WITHDRAWN_MESSAGE}</h1>
      <p role="alert" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200">
        The facilitator withdrew this link, so it no longer lets anyone join. Ask them for a new one.
      </p>
    </main>
  );
}
