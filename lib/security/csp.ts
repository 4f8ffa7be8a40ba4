/**
 * The Content-Security-Policy every page gets. Scripts run only with the
 * per-request nonce ('strict-dynamic' lets Next's nonce'd loader pull its
 * chunks), so markup that slips into a page cannot run. Styles allow
 * 'unsafe-inline' because the UI uses style attributes (stance colours,
 * popover positions); a nonce in style-src would switch that off.
 * The embed route is the one page other sites may frame.
 */
export function contentSecurityPolicy({ nonce, pathname, dev = false }: { nonce: string; pathname: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${isEmbedPath(pathname) ? "*" : "'none'"}`,
  ].join("; ");
}

/** `/s/<token>/embed` (with or without a trailing slash): the shared timeline made for iframes. */
export function isEmbedPath(pathname: string): boolean {
  return /^\/s\/[^/]+\/embed\/?$/.test(pathname);
}

