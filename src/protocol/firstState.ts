// Shared by the chat view's page (written by the host) and the webview script that reads it. No imports.

/** Id of the `<script type="application/json">` that holds the chat's first state in its page, if any. */
export const FIRST_STATE_ELEMENT_ID = 'secure-gpt-first-state';
