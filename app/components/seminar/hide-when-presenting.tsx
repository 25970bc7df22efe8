"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** The presentation view is for a projector: the workspace's header and controls step aside. */
export function HideWhenPresenting({ slug, children }: { slug: string; children: ReactNode }) {
  const pathname = usePathname();
  return pathname === `/w/${slug}/present` ? null : <>{children}</>;
}
