import type { TVisibility } from "./types";

/** What each visibility means, in a sentence the settings page shows beside the choice. */
export const VISIBILITY_TEXT: Record<TVisibility, { label: string; sentence: string }> = {
  PRIVATE: { label: "Private", sentence: "Only members can open it; to anyone else its address answers “not found”." },
  LINK: {
    label: "Anyone with the link",
    sentence: "Anyone who has its address can read it without an account; it is listed nowhere. The address gets a part nobody can guess, so the old one stops working.",
  },
  PUBLIC: { label: "Public", sentence: "Anyone can read it without an account. Only members can comment or change it." },
};

/** The role names people read, and what each may do. */
export const ROLE_TEXT = {
  OWNER: { label: "Owner", sentence: "runs the workspace: settings, members, invite links" },
  EDITOR: { label: "Editor", sentence: "adds and edits sources, claims and evidence" },
  COMMENTER: { label: "Commenter", sentence: "reads, comments and votes" },
  VIEWER: { label: "Viewer", sentence: "reads only" },
} as const;
