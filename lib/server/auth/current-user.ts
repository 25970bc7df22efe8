import "server-only";
import { cache } from "react";
import { sessionOfPage } from "../viewer";

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
