import { filterToolsListPayload, type ToolsListFilter } from "./filterToolsList";

/**
 * filterToolsListPayload applied to a `text/event-stream` body (the Streamable HTTP transport's
 * SSE responses), as it streams: bytes are split into events (WHATWG HTML §9.2.6: lines end in
 * CRLF, LF or CR; an empty line ends an event), and each event is sent on as soon as it is
 * complete, so nothing waits for the end of the stream. An event whose data is a JSON-RPC message
 * the filter changes is rewritten as its other fields, then one `data:` line with the new JSON;
 * every other event (keep-alive comments, notifications, other responses) goes out unchanged.
 * Lines are re-emitted with LF endings. An unfinished event at the end of the stream goes out as
 * received.
 *
 * Memory: one event at a time (the largest event is the largest JSON-RPC message).
 */
export function createToolsListSseFilter(filter: ToolsListFilter): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = "";
  let lines: string[] = [];
  // Where the search for the next line end resumes: long lines arrive in many chunks.
  let scanned = 0;

  function takeLines(controller: TransformStreamDefaultController<Uint8Array>, atEnd: boolean) {
    for (;;) {
      const lineEnd = /\r\n|\r|\n/g;
      lineEnd.lastIndex = scanned;
      const match = lineEnd.exec(buffer);
      if (!match) {
        scanned = buffer.length;
        return;
      }
      // A CR ending the chunk may be the first half of a CRLF: wait for the next chunk.
      if (!atEnd && match[0] === "\r" && match.index === buffer.length - 1) {
        scanned = match.index;
        return;
      }
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      scanned = 0;
      if (line !== "") {
        lines.push(line);
      } else if (lines.length > 0) {
        controller.enqueue(encoder.encode(`${rewrite(lines, filter).join("\n")}\n\n`));
        lines = [];
      }
    }
  }

  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      takeLines(controller, false);
    },
    flush(controller) {
      buffer += decoder.decode();
      takeLines(controller, true);
      const rest = [...lines, ...(buffer === "" ? [] : [buffer])];
      if (rest.length > 0) controller.enqueue(encoder.encode(`${rest.join("\n")}\n`));
    },
  });
}

/** One event's lines, rewritten when its data is a message the filter changes. */
function rewrite(event: string[], filter: ToolsListFilter): string[] {
  const data: string[] = [];
  let type = "message";
  for (const line of event) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") type = value;
  }
  if (data.length === 0 || type !== "message") return event;
  let payload: unknown;
  try {
    payload = JSON.parse(data.join("\n"));
  } catch {
    return event;
  }
  const filtered = filterToolsListPayload(payload, filter);
  if (filtered === payload) return event;
  return [...event.filter((line) => !/^data(:|$)/.test(line)), `data: ${JSON.stringify(filtered)}`];
}
