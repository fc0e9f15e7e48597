/** The NOTIFY channel of the change-feed triggers (migration `change_feed`). */
export const CHANGES_CHANNEL = "gatehouse_changes";
