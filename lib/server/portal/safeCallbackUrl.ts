/**
 * The post-sign-in destination, limited to a path on this origin. `//host` and `/\host` are
 * protocol-relative to browsers, so they would leave the site; anything else falls back to `/`.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith("/") || url.startsWith("//")) return "/";
  // Browsers read "\" as "/" and drop tabs and newlines, which would turn "/\host" or "/\t/host" into "//host".
  for (const char of url) {
    const code = char.charCodeAt(0);
    if (char === "\\" || code < 0x20 || code === 0x7f) return "/";
  }
  return url;
}
