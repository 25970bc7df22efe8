import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { viewerOfPage } from "@/lib/server/viewer";
import { WorkspaceNav } from "@/app/components/workspace-nav";
import { LiveBar } from "@/app/components/live/live-bar";
import { LiveWorkspace } from "@/app/components/live/live-workspace";
import { HeaderSearch } from "@/app/components/search/header-search";
import { HideWhenPresenting } from "@/app/components/seminar/hide-when-presenting";
import { SeminarBar } from "@/app/components/seminar/seminar-bar";
import { getSeminarBanner } from "@/lib/server/seminar/get-seminar";
import { loadRoundAccess } from "./load";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadRoundAccess(slug);
  return { title: { default: workspace.title, template: `%s · ${workspace.title}` } };
}

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, since, role, canComment, lockedOut, seminarLive } = await loadRoundAccess(slug);
  const viewer = await viewerOfPage();
  const seminar = await getSeminarBanner(workspace.id, viewer?.userId ?? null, { live: seminarLive });
  return (
    <LiveWorkspace slug={workspace.slug} since={since} viewerId={viewer?.userId ?? null}>
      <HideWhenPresenting slug={workspace.slug}>
        <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
          <div className="mx-auto flex max-w-[96rem] flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
            <Link href={`/w/${workspace.slug}`} className="min-w-0 truncate text-sm font-semibold text-slate-700 hover:underline dark:text-slate-200">
              {workspace.title}
            </Link>
            <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-4 gap-y-2">
              <HeaderSearch slug={workspace.slug} />
              <LiveBar slug={workspace.slug} />
              <WorkspaceNav slug={workspace.slug} member={role !== null} />
            </div>
          </div>
        </header>
        <SeminarBar slug={workspace.slug} live={seminar.live} ended={seminar.ended} canVote={canComment} lockedOut={lockedOut} />
      </HideWhenPresenting>
      {children}
    </LiveWorkspace>
  );
}
