/**
 * A lean Server-Sent Events reader for the providers' streaming responses. The SDKs' own readers
 * cost tens of µs of CPU per event (a web ReadableStream, a TextDecoder, two async generators and a
 * promise per chunk); at thousands of concurrent streams that CPU is what limits the client. This
 * one is fed the node socket stream directly (or, on any other fetch, the web body) and calls back
 * synchronously per event, so an event is time-stamped in the same tick its bytes arrive.
 *
 * Parsing follows the WHATWG event-stream rules the SDKs implement: lines end in LF, CRLF or CR
 * (also split across chunks); `:` starts a comment; `event` and `data` fields (one optional space
 * after the colon), multi-line data joined with LF; a blank line dispatches an event that has an
 * event name or data; a leading BOM is dropped; an unterminated event at the end is discarded.
 */
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { takeNodeBody } from "./fast-fetch.js";

export type SseHandler = (event: string | null, data: string) => void;

const LF = 10;
const CR = 13;
const SPACE = 32;

/** Incremental parser: `push` byte (or string) chunks as they arrive, `end` when the body ends. */
export class SseParser {
  private readonly decoder = new StringDecoder("utf8");
  /** An incomplete line carried over to the next chunk. */
  private rest = "";
  private event: string | null = null;
  private data: string | null = null;
  /** The last chunk ended in CR: a LF opening the next chunk belongs to that line break. */
  private skipLF = false;
  private started = false;

  constructor(private readonly onEvent: SseHandler) {}

  push(chunk: Uint8Array | string): void {
    let text = this.decoder.write(chunk);
    if (text.length === 0) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.rest.length > 0) {
      text = this.rest + text;
      this.rest = "";
    }
    let start = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    if (text.indexOf("\r", start) === -1) {
      // The common case (every API sends LF only): the native indexOf finds each line.
      let end = text.indexOf("\n", start);
      while (end !== -1) {
        this.line(text, start, end);
        start = end + 1;
        end = text.indexOf("\n", start);
      }
    } else {
      for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== LF && c !== CR) continue;
        this.line(text, start, i);
        if (c === CR) {
          if (i + 1 === text.length) this.skipLF = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length) this.rest = start === 0 ? text : text.slice(start);
  }

  /** The body ended: a last line without a line break still counts; an undispatched event does not. */
  end(): void {
    const tail = this.rest + this.decoder.end();
    this.rest = "";
    if (tail.length > 0) this.line(tail, 0, tail.length);
  }

  private line(text: string, start: number, end: number): void {
    if (start === end) {
      if (this.event !== null || this.data !== null) {
        const { event, data } = this;
        this.event = null;
        this.data = null;
        this.onEvent(event, data ?? "");
      }
      return;
    }
    const colon = text.indexOf(":", start);
    if (colon === start) return; // a comment
    const fieldEnd = colon === -1 || colon > end ? end : colon;
    let valueStart = fieldEnd === end ? end : fieldEnd + 1;
    if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart++;
    const length = fieldEnd - start;
    if (length === 4 && text.startsWith("data", start)) {
      const value = text.slice(valueStart, end);
      this.data = this.data === null ? value : `${this.data}\n${value}`;
    } else if (length === 5 && text.startsWith("event", start)) {
      this.event = text.slice(valueStart, end);
    }
    // id, retry and unknown fields mean nothing to a one-shot API stream.
  }
}

/**
 * Reads a streaming Response's SSE body to its end, calling `onEvent` per event: the node stream
 * fast fetch kept for it (`fastFetchInit`), or else the web body. See `readSseBody`.
 */
export function readSse(response: Response, onEvent: SseHandler): Promise<void> {
  const body = takeNodeBody(response) ?? response.body;
  if (!body) return Promise.reject(new TypeError("the streaming response has no body"));
  return readSseBody(body, onEvent);
}

/**
 * Reads an SSE body (node or web stream) to its end, calling `onEvent` per event. A throw from
 * `onEvent` stops the read, releases the body and rejects with that error; a node body that closes
 * before its end rejects with a "premature close" error (a connection error to classifyError), and
 * an aborted body with the abort reason.
 */
export function readSseBody(body: Readable | ReadableStream<Uint8Array>, onEvent: SseHandler): Promise<void> {
  return body instanceof ReadableStream ? readWeb(body, onEvent) : readNode(body, onEvent);
}

function readNode(body: Readable, onEvent: SseHandler): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const parser = new SseParser(onEvent);
    let settled = false;
    const settle = (err: unknown) => {
      if (settled) return;
      settled = true;
      body.off("data", onData);
      if (err === null) resolve();
      else {
        // Stop reading and free the socket: after a failure the rest of the body is not wanted.
        body.destroy();
        reject(err);
      }
    };
    const onData = (chunk: Buffer) => {
      try {
        parser.push(chunk);
      } catch (err) {
        settle(err);
      }
    };
    body.on("data", onData);
    body.once("end", () => {
      try {
        parser.end();
        settle(null);
      } catch (err) {
        settle(err);
      }
    });
    body.once("error", settle);
    body.once("close", () => {
      // Checked first: an Error (and its stack) per healthy stream is measurable at thousands/s.
      if (!settled) settle(new Error("premature close: the stream closed before it ended"));
    });
  });
}

async function readWeb(body: ReadableStream<Uint8Array>, onEvent: SseHandler): Promise<void> {
  const parser = new SseParser(onEvent);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    parser.end();
  } catch (err) {
    reader.cancel(err).catch(() => {});
    throw err;
  }
}
