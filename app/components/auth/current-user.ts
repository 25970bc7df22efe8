import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "@/lib/server/auth/auth";

export interface TCurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in person of the page being rendered (by session cookie), once per request. */
export const currentUser = cache(async (): Promise<TCurrentUser | null> => {
  // Reading the request headers first marks the page as dynamic before the database is touched.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
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
