/** When something happened, in words a reader takes in at a glance. Shared by the history and comments. */
export const LOCAL_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "just now", "12 min ago", "3 h ago", then the date and time. */
export function describeTime(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return LOCAL_TIME.format(new Date(iso));
}
