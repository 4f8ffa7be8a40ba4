import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next's `<Link>` without viewport prefetching. Every page here is rendered
 * per request (its CSP nonce) and has no loading boundary, so a prefetch
 * comes back empty: it bought nothing, yet each visible link cost a request
 * (8 on the timeline, about 30 on the statements list) and main-thread work
 * while the page was starting. A link may still opt in with `prefetch`.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
