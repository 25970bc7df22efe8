import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: a client-side navigation like Next's, without prefetching. Workspace pages are
 * rendered per request (they read the session and live data), so a prefetch brings back little
 * more than the layout — yet costs the server a full layout render per link in view, again after
 * every live refresh, for every open tab.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
