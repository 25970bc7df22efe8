import "server-only";
import { cache } from "react";
import { sessionOfPage } from "@/lib/server/viewer";

export interface TCurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in person of the page being rendered (by session cookie), once per request. */
export const currentUser = cache(async (): Promise<TCurrentUser | null> => {
  // Shares the page's one session lookup with viewerOfPage (reading headers marks it dynamic).
  const session = await sessionOfPage();
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
});

/**
 * Where to go after signing in: only a path on this site, so a crafted `?next=` link cannot send
 * someone elsewhere.
 */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
