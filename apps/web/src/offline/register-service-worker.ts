/**
 * Installs the console's service worker (/sw.js, built from sw.ts) once the page has loaded,
 * where the browser has them. Without one the console works as before, online only.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Not served (the development server) or refused: nothing to do offline, everything online.
    });
  });
}
