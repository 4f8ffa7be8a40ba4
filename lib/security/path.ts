/**
 * True when every segment of a raw (still percent-encoded) path decodes as
 * UTF-8. Next answers 500 for a dynamic route whose segment does not decode
 * (`/w/%ZZ`, `/w/%C0%AF`), so proxy.ts refuses those with 400 first.
 */
export function isDecodablePath(rawPathname: string): boolean {
  try {
    for (const segment of rawPathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
