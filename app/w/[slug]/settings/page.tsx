import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InviteForm } from "@/app/components/forms/invite-form";
import { DeleteWorkspace } from "@/app/components/settings/delete-workspace";
import { InviteList } from "@/app/components/settings/invite-list";
import { LeaveWorkspace } from "@/app/components/settings/leave-workspace";
import { MemberList } from "@/app/components/settings/member-list";
import { TransferOwnership } from "@/app/components/settings/transfer-ownership";
import { WorkspaceSettingsForm } from "@/app/components/settings/workspace-settings-form";
import { ROLE_TEXT, VISIBILITY_TEXT } from "@/lib/domain/visibility";
import { listInvites } from "@/lib/server/invites/list-invites";
import { listWorkspaceMembers } from "@/lib/server/members/list-workspace-members";
import { getWorkspaceSettings } from "@/lib/server/workspaces/get-workspace-settings";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

const SECTION = "space-y-4 border-t border-slate-200 pt-8 dark:border-slate-800";

/**
 * Owners run the workspace here: its settings, members, invite links, hand-over and delete. Other
 * members see what it is and may leave.
 */
export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role, userId } = await loadAccess(slug);
  if (!role || !userId) notFound();
  const settings = await getWorkspaceSettings(workspace, role);
  if (role !== "OWNER") {
    return (
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <header>
          <p className="text-sm uppercase tracking-wide text-slate-500">Settings</p>
          <h1 className="text-3xl font-bold tracking-tight">{workspace.title}</h1>
          <p className="mt-2 text-slate-600 dark:text-slate-300">
            You are {ROLE_TEXT[role].label.toLowerCase()} here: you {ROLE_TEXT[role].sentence}. {VISIBILITY_TEXT[settings.visibility].label}: {VISIBILITY_TEXT[settings.visibility].sentence}
          </p>
        </header>
        <section aria-labelledby="leave-heading" className={SECTION}>
          <h2 id="leave-heading" className="text-xl font-semibold">Leave</h2>
          <LeaveWorkspace slug={workspace.slug} userId={userId} />
        </section>
      </main>
    );
  }
  const [members, invites] = await Promise.all([listWorkspaceMembers(workspace.id), listInvites(workspace.id)]);
  return (
    <main className="mx-auto max-w-3xl space-y-10 px-4 py-8">
      <header>
        <p className="text-sm uppercase tracking-wide text-slate-500">Settings</p>
        <h1 className="text-3xl font-bold tracking-tight">Run this workspace</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">Its name and who can read it, the members and their roles, the invite links — and, when the term is over, hand-over and delete.</p>
      </header>
      <section aria-labelledby="workspace-heading" className="space-y-4">
        <h2 id="workspace-heading" className="text-xl font-semibold">Workspace</h2>
        <WorkspaceSettingsForm key={settings.version} settings={settings} />
      </section>
      <section aria-labelledby="members-heading" className={SECTION}>
        <h2 id="members-heading" className="text-xl font-semibold">Members ({members.length})</h2>
        <MemberList slug={workspace.slug} members={members} viewerId={userId} />
      </section>
      <section aria-labelledby="invite-heading" className={SECTION}>
        <h2 id="invite-heading" className="text-xl font-semibold">Invite links</h2>
        <p className="text-slate-600 dark:text-slate-300">Each link carries a role; it stops working when it expires, has been used as often as you allow, or you withdraw it.</p>
        <InviteList slug={workspace.slug} invites={invites} />
        <h3 className="pt-2 text-sm font-semibold text-slate-700 dark:text-slate-300">New invite link</h3>
        <InviteForm slug={workspace.slug} />
      </section>
      <section aria-labelledby="transfer-heading" className={SECTION}>
        <h2 id="transfer-heading" className="text-xl font-semibold">Hand over ownership</h2>
        <TransferOwnership slug={workspace.slug} candidates={members.filter((m) => m.user.id !== userId).map((m) => ({ id: m.user.id, name: m.user.name }))} />
      </section>
      <section aria-labelledby="delete-heading-section" className={SECTION}>
        <h2 id="delete-heading-section" className="text-xl font-semibold">Delete</h2>
        <DeleteWorkspace slug={workspace.slug} title={workspace.title} />
      </section>
    </main>
  );
}
