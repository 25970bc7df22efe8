import type { Metadata } from "next";
import Link from "next/link";
import { viewerOfPage } from "@/lib/server/viewer";
import { WorkspaceNav } from "@/app/components/workspace-nav";
import { LiveBar } from "@/app/components/live/live-bar";
import { LiveWorkspace } from "@/app/components/live/live-workspace";
import { HeaderSearch } from "@/app/components/search/header-search";
import { loadWorkspace } from "./load";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const workspace = await loadWorkspace(slug);
  return { title: { default: workspace.title, template: `%s · ${workspace.title}` } };
}

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await loadWorkspace(slug);
  const viewer = await viewerOfPage();
  return (
    <LiveWorkspace slug={workspace.slug} viewerId={viewer?.userId ?? null}>
      <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
        <div className="mx-auto flex max-w-[96rem] flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
          <Link href={`/w/${workspace.slug}`} className="min-w-0 truncate text-sm font-semibold text-slate-700 hover:underline dark:text-slate-200">
            {workspace.title}
          </Link>
          <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-4 gap-y-2">
            <HeaderSearch slug={workspace.slug} />
            <LiveBar slug={workspace.slug} />
            <WorkspaceNav slug={workspace.slug} />
          </div>
        </div>
      </header>
      {children}
    </LiveWorkspace>
  );
}
