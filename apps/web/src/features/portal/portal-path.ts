/** The enterprise's page: `/e/<token>` (the page itself loads only when opened). */
export const PORTAL_PATH = /^\/e\/([A-Za-z0-9_-]+)$/u;
