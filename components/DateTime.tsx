const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A moment shown in UTC, so the server and every reader see the same text. */
export function DateTime({ value }: { value: Date | string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{format.format(date)} UTC</time>;
}
