/** Password limits, as the accounts server enforces them and the sign-up form explains them. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** A person's display name as the sign-up form limits it; shown to others in the workspaces they join. */
export const MAX_USER_NAME_LENGTH = 120;

