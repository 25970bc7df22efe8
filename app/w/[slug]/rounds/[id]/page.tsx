import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { RoundView } from "@/app/components/rounds/round-view";
import { AppError } from "@/lib/errors/app-error";
import { getRound } from "@/lib/server/rounds/get-round";
import { loadRoundAccess, parseId } from "../../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Coding round" };

/**
 * One round. Read through `loadRoundAccess`: a participant who has not finished comes here from
 * every map page, and sees only each item's passage and claim.
 */
export default async function RoundPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ present?: string }> }) {
  const { slug, id } = await params;
  const { workspace, role, userId } = await loadRoundAccess(slug);
  let round;
  try {
    round = await getRound(workspace.id, parseId(id), { userId, role });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  // The projector's reveal lives on the presentation view; older `?present=1` links lead there.
  if ((await searchParams).present === "1" && !round.open) redirect(`/w/${workspace.slug}/present?round=${round.id}`);
  return <RoundView slug={workspace.slug} initial={round} />;
}
