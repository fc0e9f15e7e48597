import type { Readable } from "node:stream";

/**
 * A node:stream body as a web ReadableStream, with backpressure (the source pauses while the
 * consumer is behind) and cancellation (cancelling destroys the source, and with it the upstream
 * connection).
 *
 * `endOnPrematureClose`: the source closing before its end (the upstream went away mid-answer)
 * ends the stream instead of failing it. Right for an event stream, where every complete event
 * already delivered stands on its own, an unfinished last event is discarded by the client's
 * parser (WHATWG HTML §9.2.6), and a client of the Streamable HTTP transport resumes with
 * Last-Event-ID. Wrong for a JSON body, which would look complete: that one fails.
 */
export function readableStreamOf(source: Readable, options: { endOnPrematureClose: boolean }): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const end = (error?: Error) => {
        if (finished) return;
        finished = true;
        if (error && !options.endOnPrematureClose) controller.error(error);
        else controller.close();
      };
      source.on("data", (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.on("end", () => end());
      source.on("error", (error) => end(error));
      source.on("close", () => end(new Error("the upstream closed the connection before its answer was complete")));
    },
    pull() {
      source.resume();
    },
    cancel() {
      finished = true;
      source.destroy();
    },
  });
}
