import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InviteForm } from "@/app/components/forms/invite-form";
import { AppError } from "@/lib/errors/app-error";
import { authorize } from "@/lib/server/authorize";
import { viewerOfPage } from "@/lib/server/viewer";
import { listMembers } from "@/lib/server/workspaces/list-members";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members and invites" };

const ROLE_NAME = { OWNER: "Owner", EDITOR: "Editor", COMMENTER: "Commenter", VIEWER: "Viewer" } as const;

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let access;
  try {
    access = await authorize(await viewerOfPage(), slug, "admin");
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const { members, invites } = await listMembers(access.workspace.id);
  return (
    <main className="mx-auto max-w-3xl space-y-10 px-4 py-8">
      <header>
        <p className="text-sm uppercase tracking-wide text-slate-500">Settings</p>
        <h1 className="text-3xl font-bold tracking-tight">Members and invites</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          Invite participants with a link. Each link carries a role; it stops working when it expires or has been used as often as you allow.
        </p>
      </header>
      <section aria-labelledby="invite-heading" className="space-y-4">
        <h2 id="invite-heading" className="text-xl font-semibold">New invite link</h2>
        <InviteForm slug={slug} />
        {invites.length > 0 ? (
          <div>
            <h3 className="mt-6 text-sm font-semibold text-slate-700 dark:text-slate-300">Open links</h3>
            <ul className="mt-2 divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="open-invites">
              {invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{ROLE_NAME[invite.role]}</span>
                  <span className="text-slate-500">
                    {invite.uses} of {invite.maxUses} used · until {invite.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-xl font-semibold">Members ({members.length})</h2>
        <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800" data-testid="members">
          {members.map((m) => (
            <li key={m.user.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{m.user.name}</span> <span className="text-sm text-slate-500">{m.user.email}</span>
              </span>
              <span className="text-sm">{ROLE_NAME[m.role]}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
