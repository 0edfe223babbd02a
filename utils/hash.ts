// A short, stable hash of a text: names a vendor file's sentence in the message files.

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits (http://www.isthe.com/chongo/tech/comp/fnv/). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
