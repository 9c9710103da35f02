// Where an app's "Open" link leads. Through the proxy (ram.proxy.api-url set) an app is served at its urlpath on the
// proxy's address, which is this page's; without one nothing serves that path here, so the link leads to the app's
// own published address (hostUrl) plus its urlpath.

let proxied = true;

/** Whether the controller routes apps through a proxy, as the status's proxy part says. */
export function useProxy(enabled) {
  proxied = Boolean(enabled);
}

/** The app's address for a browser, or null when it has none (no urlpath, or no published address yet). */
export function openHref(app) {
  if (!app.urlpath) return null;
  if (proxied) return `${app.urlpath}/`;
  return app.hostUrl ? `${app.hostUrl}${app.urlpath}/` : null;
}
