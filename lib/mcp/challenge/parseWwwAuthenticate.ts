export interface ParsedChallenge {
  scheme: string;
  params: Record<string, string>;
}

/** The first challenge of a WWW-Authenticate value: its scheme and auth-params (quoted or token values). */
export function parseWwwAuthenticate(header: string | null | undefined): ParsedChallenge | null {
  if (!header) return null;
  const match = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?:\s+(.*))?$/s.exec(header);
  if (!match) return null;
  const params: Record<string, string> = {};
  const rest = match[2] ?? "";
  const param = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  let found: RegExpExecArray | null;
  while (param.lastIndex < rest.length && (found = param.exec(rest))) {
    const name = found[1]!.toLowerCase();
    // A second challenge starts with a scheme and no "=": stop at the first unparsable token.
    params[name] ??= found[2] !== undefined ? found[2].replace(/\\(.)/g, "$1") : (found[3] ?? "");
  }
  return { scheme: match[1]!, params };
}
