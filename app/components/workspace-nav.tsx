"use client";
import { Link } from "@/app/components/app-link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** The workspace's views (and, for its members, its settings); the current one is marked for assistive tech too. On a phone the row scrolls sideways. */
export function WorkspaceNav({ slug, member = false }: { slug: string; member?: boolean }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a narrow screen the row scrolls: keep the current view's tab in sight.
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    const box = nav.current;
    if (current && box && box.scrollWidth > box.clientWidth) box.scrollLeft = current.offsetLeft - (box.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  const base = `/w/${slug}`;
  const items = [
    { href: base, label: "Home", current: pathname === base },
    { href: `${base}/matrix`, label: "Matrix", current: pathname.startsWith(`${base}/matrix`) || pathname.startsWith(`${base}/gaps`) },
    { href: `${base}/graph`, label: "Graph", current: pathname.startsWith(`${base}/graph`) },
    { href: `${base}/compare`, label: "Compare", current: pathname.startsWith(`${base}/compare`) },
    { href: `${base}/timeline`, label: "Timeline", current: pathname.startsWith(`${base}/timeline`) },
    { href: `${base}/sources`, label: "Sources", current: pathname.startsWith(`${base}/sources`) || pathname.startsWith(`${base}/authors`) },
    { href: `${base}/rounds`, label: "Rounds", current: pathname.startsWith(`${base}/rounds`) },
    { href: `${base}/history`, label: "History", current: pathname.startsWith(`${base}/history`) },
    { href: `${base}/present`, label: "Present", current: pathname.startsWith(`${base}/present`) || pathname.startsWith(`${base}/sessions`) },
    ...(member ? [{ href: `${base}/settings`, label: "Settings", current: pathname.startsWith(`${base}/settings`) }] : []),
  ];
  return (
    <nav ref={nav} aria-label="Workspace" className="no-print -mx-1 min-w-0 max-w-full overflow-x-auto px-1">
      <ul className="flex gap-1 whitespace-nowrap">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:aria-[current=page]:bg-slate-100 dark:aria-[current=page]:text-slate-900"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
