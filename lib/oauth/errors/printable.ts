/**
 * A request value made safe to quote in an error description: non-printable characters replaced
 * by "?", clipped to `max` characters. Values are attacker-chosen and descriptions reach logs,
 * HTML error pages and redirect query strings.
 */
export function printable(value: string, max = 100): string {
  const cleaned = value.replace(/[^\x20-\x7e]/g, "?");
  return cleaned.length > max ? `${cleaned.slice(0, max)}...` : cleaned;
}
