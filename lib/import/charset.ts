/*
 * Turning response bytes into a string. Order follows the WHATWG encoding
 * sniffing rules closely enough for articles: a byte-order mark wins, then the
 * Content-Type charset, then a <meta> declaration near the top of the page,
 * then UTF-8 if the bytes are valid UTF-8, else windows-1252 (what browsers
 * assume for unlabelled legacy pages).
 */

const META_SNIFF_BYTES = 4096;

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return m ? m[1] : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one char, so ASCII markup reads correctly whatever the real encoding.
  const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString("latin1");
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1] : null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null; // unknown label: fall through to the next source of truth
  }
}

export function decodeBody(bytes: Uint8Array, contentType?: string): { text: string; charset: string } {
  const decoder =
    decoderFor(bomEncoding(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    (/html|xml/i.test(contentType ?? "html") ? decoderFor(charsetFromMeta(bytes)) : null);
  if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), charset: "windows-1252" };
  }
}
