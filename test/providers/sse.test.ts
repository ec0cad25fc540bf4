import { PassThrough } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyError } from "../../src/providers/errors.js";
import { readSse, readSseBody, SseParser } from "../../src/providers/sse.js";

type Ev = [string | null, string];

function parseAll(chunks: Array<Uint8Array | string>): Ev[] {
  const out: Ev[] = [];
  const p = new SseParser((event, data) => out.push([event, data]));
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe("SseParser", () => {
  it("parses event and data fields, joins multi-line data and skips comments and unknown fields", () => {
    const stream = [
      ": a comment",
      "event: message_start",
      'data: {"a":1}',
      "",
      "id: 7",
      "retry: 100",
      "data:no-space",
      "data",
      "data:  two spaces",
      "",
      "event: ping",
      "",
      "",
      "unknown: field",
      "",
      "event:last",
      "data: never dispatched",
    ].join("\n");
    expect(parseAll([stream])).toEqual([
      ["message_start", '{"a":1}'],
      [null, "no-space\n\n two spaces"],
      ["ping", ""],
    ]);
  });

  it("accepts CRLF and CR line ends, also split between chunks, and drops a leading BOM", () => {
    expect(parseAll(["\uFEFFevent: a\r", "\ndata: 1\r\r", "data: 2\r", "\n\r\n"])).toEqual([
      ["a", "1"],
      [null, "2"],
    ]);
    // A CR that ends a chunk is one line end even when the next chunk starts with LF.
    expect(parseAll(["data: x\r", "\n", "\r\n"])).toEqual([[null, "x"]]);
  });

  it("decodes multi-byte UTF-8 split across chunks", () => {
    const b = bytes("data: héllo ✓ 🚀\n\n");
    const out = parseAll(Array.from(b, (x) => Uint8Array.of(x)));
    expect(out).toEqual([[null, "héllo ✓ 🚀"]]);
  });

  it("gives the same events however the bytes are chunked (property)", () => {
    const name = fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: null });
    const line = fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ""));
    const event = fc.record({ name, data: fc.array(line, { minLength: 1, maxLength: 3 }) });
    const eol = fc.constantFrom("\n", "\r\n", "\r");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(event, eol), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, cuts) => {
          let text = "";
          for (const [e, nl] of events) {
            text += `: comment${nl}`;
            if (e.name !== null) text += `event: ${e.name}${nl}`;
            for (const d of e.data) text += `data: ${d}${nl}`;
            text += nl;
          }
          const all = bytes(text);
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (const p of [...points, all.length]) {
            chunks.push(all.subarray(from, p));
            from = p;
          }
          expect(parseAll(chunks)).toEqual(events.map(([e]) => [e.name, e.data.join("\n")]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("readSse / readSseBody", () => {
  const sse = 'event: a\ndata: {"n":1}\n\nevent: b\ndata: {"n":2}\n\n';

  it("reads a node body fed in pieces, in order", async () => {
    const body = new PassThrough();
    const seen: Ev[] = [];
    const done = readSseBody(body, (e, d) => seen.push([e, d]));
    body.write(sse.slice(0, 13));
    body.end(sse.slice(13));
    await done;
    expect(seen).toEqual([
      ["a", '{"n":1}'],
      ["b", '{"n":2}'],
    ]);
  });

  it("a throwing handler stops the read, rejects with its error and destroys the node body", async () => {
    const body = new PassThrough();
    const boom = new Error("in-stream error");
    const done = readSseBody(body, () => {
      throw boom;
    });
    body.write(sse);
    await expect(done).rejects.toBe(boom);
    expect(body.destroyed).toBe(true);
  });

  it("a node body that closes before its end is a connection error; a stream error passes through", async () => {
    const dropped = new PassThrough();
    const early = readSseBody(dropped, () => {});
    dropped.write("event: a\n");
    dropped.destroy();
    const err = await early.catch((e: unknown) => e);
    expect(classifyError(err).kind).toBe("connection");

    const failing = new PassThrough();
    const reason = new DOMException("This operation was aborted", "AbortError");
    const aborted = readSseBody(failing, () => {});
    failing.destroy(reason);
    await expect(aborted).rejects.toBe(reason);
  });

  it("reads a web body (any other fetch) and cancels it when the handler throws", async () => {
    const seen: Ev[] = [];
    await readSse(new Response(sse), (e, d) => seen.push([e, d]));
    expect(seen.map(([e]) => e)).toEqual(["a", "b"]);

    let cancelled: unknown = null;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes(sse));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const boom = new Error("stop");
    await expect(
      readSse(new Response(body), () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(cancelled).toBe(boom);
  });

  it("rejects a response without a body", async () => {
    await expect(readSse(new Response(null), () => {})).rejects.toThrow(/no body/);
  });
});
