/**
 * A `fetch` for the Anthropic and OpenAI SDKs built on node:http/https with keep-alive agents.
 * Node 20's global fetch (undici) costs a lot of CPU per request: through the SDK against a
 * loopback server it manages ~1,000-1,300 requests/s on two cores, where node:http with keep-alive
 * does ~24,000. A load generator on the global fetch measures itself, so `--provider anthropic`
 * load runs use this transport.
 *
 * What it covers: any method; string, bytes, stream and (through undici's own serialiser) every
 * other BodyInit; Headers/record/array headers; AbortSignal (rejects with the signal's reason, and
 * errors a body already streaming); gzip/deflate/br bodies decoded like fetch does. JSON bodies
 * (API replies and errors, small) are read whole before the Response resolves; any other body is a
 * web ReadableStream over the socket, so SSE streams arrive as they are sent. Not covered:
 * redirects are returned, not followed (API endpoints do not redirect), and there is no cookie jar
 * or cache.
 *
 * Two extensions for the streaming providers, passed in the request init (the SDKs spread their
 * `fetchOptions` into it; any other fetch ignores them), see `fastFetchInit`:
 * - `[NODE_BODY]`: a 2xx reply resolves to a Response without a web body, its node stream kept for
 *   `readSse` (sse.ts). In Node 20 merely constructing a web ReadableStream costs ~15 µs, and each
 *   chunk through it several more.
 * - `[CALLER_SIGNAL]`: a second AbortSignal, honoured like `signal`. Handing the caller's signal to
 *   the Anthropic SDK instead costs ~50 µs of CPU per request (it links it to its own controller
 *   and arms a FinalizationRegistry backstop per response), a fifth of the provider's total.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

export interface FastFetchOptions {
  /** Concurrent sockets per host (default unlimited, like fetch). */
  maxSockets?: number;
  /** Idle sockets kept per host for reuse (default 256). */
  maxFreeSockets?: number;
  /** Sees every response's status and headers (e.g. to notice a simulated server). */
  onResponse?: (status: number, headers: Headers) => void;
}

export type FastFetch = typeof fetch & {
  /** Close idle keep-alive sockets (in-flight requests finish). */
  close(): void;
};

const NODE_BODY: unique symbol = Symbol("claude-force.fast-fetch.node-body");
const CALLER_SIGNAL: unique symbol = Symbol("claude-force.fast-fetch.caller-signal");
/** Brands the functions createFastFetch makes. */
const FAST_FETCH: unique symbol = Symbol("claude-force.fast-fetch");

/** Bodies of Responses made for `[NODE_BODY]` requests, until taken. */
const nodeBodies = new WeakMap<Response, Readable>();

/** True for a fetch made by createFastFetch (which understands `fastFetchInit`). */
export function isFastFetch(f: unknown): boolean {
  return typeof f === "function" && FAST_FETCH in f;
}

/**
 * Request-init fields (an SDK's `fetchOptions`) for a streaming request on fast fetch: the 2xx body
 * as a node stream, and `signal` aborting the request and its body. Typed as an empty object
 * because the SDKs' fetchOptions types forbid `signal`; other fetches ignore both fields.
 */
export function fastFetchInit(signal?: AbortSignal): Readonly<Record<never, never>> {
  return { [NODE_BODY]: true, [CALLER_SIGNAL]: signal };
}

/**
 * The node stream behind a Response that fast fetch made for a `[NODE_BODY]` request (decoded, and
 * erroring with the abort reason on abort, like a web body); null for any other Response. Taking it
 * is reading it: read it to its end or destroy it, or its socket is not reused.
 */
export function takeNodeBody(response: Response): Readable | null {
  const body = nodeBodies.get(response);
  if (!body) return null;
  nodeBodies.delete(response);
  return body;
}

/** Statuses whose Response must have a null body. */
const NULL_BODY = new Set([101, 204, 205, 304]);
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

type Init = RequestInit & { duplex?: "half"; [NODE_BODY]?: boolean; [CALLER_SIGNAL]?: AbortSignal };

export function createFastFetch(opts: FastFetchOptions = {}): FastFetch {
  const agentOpts = {
    keepAlive: true,
    maxSockets: opts.maxSockets ?? Number.POSITIVE_INFINITY,
    maxFreeSockets: opts.maxFreeSockets ?? 256,
    // Reuse the most recently used socket: fewer sockets stay warm under bursty load.
    scheduling: "lifo" as const,
  };
  const httpAgent = new HttpAgent(agentOpts);
  const httpsAgent = new HttpsAgent(agentOpts);

  const fastFetch = async (input: string | URL | Request, init: Init = {}): Promise<Response> => {
    const isRequest = typeof input === "object" && !(input instanceof URL);
    const url = new URL(isRequest ? input.url : input);
    const method = (init.method ?? (isRequest ? input.method : "GET")).toUpperCase();
    const signal = init.signal ?? (isRequest ? input.signal : null);
    const callerSignal = init[CALLER_SIGNAL];
    const headers = headerRecord(init.headers ?? (isRequest ? input.headers : undefined));
    const rawBody = init.body !== undefined ? init.body : isRequest ? input.body : null;
    const wantsNodeBody = init[NODE_BODY] === true;
    const firedSignal = () => (signal?.aborted ? signal : callerSignal?.aborted ? callerSignal : null);
    const early = firedSignal();
    if (early) throw abortReason(early);
    if (url.username || url.password) throw new TypeError("fetch: URL includes credentials");
    const body = await prepareBody(rawBody, headers);

    const https = url.protocol === "https:";
    if (!https && url.protocol !== "http:")
      throw new TypeError(`fetch: unsupported protocol ${url.protocol}`);
    const send = https ? httpsRequest : httpRequest;

    return new Promise<Response>((resolve, reject) => {
      // An options object, not the URL: node:http would convert the URL again (urlToHttpOptions).
      const req = send({
        protocol: url.protocol,
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
        agent: https ? httpsAgent : httpAgent,
      });
      let res: IncomingMessage | null = null;
      const onAbort = () => {
        // After the whole body arrived an abort changes nothing (SDKs abort on cleanup): keep the socket.
        if (res?.complete) return;
        const reason = abortReason(firedSignal()!);
        // Before the response: the promise rejects; after: the body stream errors.
        req.destroy(reason);
        res?.destroy(reason);
        reject(reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      callerSignal?.addEventListener("abort", onAbort, { once: true });
      const cleanup = () => {
        signal?.removeEventListener("abort", onAbort);
        callerSignal?.removeEventListener("abort", onAbort);
      };
      // Aborted while the body was being prepared: the listeners above came too late.
      if (firedSignal()) onAbort();
      const fail = (err: Error) => {
        cleanup();
        const fired = firedSignal();
        reject(fired ? abortReason(fired) : new TypeError("fetch failed", { cause: err }));
      };
      req.on("error", fail);
      req.on("response", (incoming) => {
        res = incoming;
        incoming.on("close", cleanup);
        const status = incoming.statusCode ?? 0;
        const responseHeaders = new Headers();
        const raw = incoming.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i]!, raw[i + 1]!);
        const init = { status, statusText: incoming.statusMessage ?? "", headers: responseHeaders };
        opts.onResponse?.(status, responseHeaders);
        const respond = (response: Response) => {
          Object.defineProperty(response, "url", { value: url.href });
          resolve(response);
        };
        if (NULL_BODY.has(status) || method === "HEAD") {
          incoming.resume();
          respond(new Response(null, init));
          return;
        }
        const stream = decoded(incoming, responseHeaders.get("content-encoding"));
        if (wantsNodeBody && status >= 200 && status < 300) {
          const response = new Response(null, init);
          nodeBodies.set(response, stream);
          respond(response);
        } else if (JSON_TYPE.test(incoming.headers["content-type"] ?? "")) {
          // Small and read whole by every caller: one Buffer is cheaper than a web stream.
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", fail);
          stream.on("end", () => respond(new Response(Buffer.concat(chunks), init)));
        } else {
          respond(new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, init));
        }
      });
      if (body instanceof Readable) body.pipe(req);
      else req.end(body);
    });
  };

  return Object.assign(fastFetch as typeof fetch, {
    [FAST_FETCH]: true,
    close(): void {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

/** What fetch rejects with on abort: the signal's reason (an AbortError DOMException by default). */
function abortReason(signal: AbortSignal): Error {
  return (signal.reason as Error | undefined) ?? new DOMException("This operation was aborted", "AbortError");
}

function headerRecord(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  const pairs: Iterable<[string, string]> =
    h instanceof Headers || Array.isArray(h) ? (h as Iterable<[string, string]>) : Object.entries(h);
  for (const [k, v] of pairs) {
    const key = k.toLowerCase();
    out[key] = out[key] !== undefined ? `${out[key]}, ${v}` : String(v);
  }
  return out;
}

/** Bytes or a stream to send; sets content-length/content-type the way fetch would. */
async function prepareBody(
  body: BodyInit | null | undefined,
  headers: Record<string, string>,
): Promise<string | Buffer | Readable | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string") {
    // The SDKs' JSON bodies: written as a string, no intermediate Buffer.
    headers["content-type"] ??= "text/plain;charset=UTF-8";
    headers["content-length"] = String(Buffer.byteLength(body));
    return body;
  }
  let bytes: Buffer;
  if (body instanceof Uint8Array) {
    bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  } else if (body instanceof ReadableStream) {
    return Readable.fromWeb(body as NodeWebStream<Uint8Array>);
  } else if (typeof body === "object" && Symbol.asyncIterator in body) {
    return Readable.from(body as AsyncIterable<Uint8Array>);
  } else {
    // FormData, Blob, URLSearchParams, ArrayBuffer: let undici serialise them (content-type and all).
    const serialised = new Response(body);
    const type = serialised.headers.get("content-type");
    if (type) headers["content-type"] ??= type;
    bytes = Buffer.from(await serialised.arrayBuffer());
  }
  headers["content-length"] = String(bytes.length);
  return bytes;
}

function decoded(res: IncomingMessage, encoding: string | null): Readable {
  const coding = encoding?.trim().toLowerCase();
  const decoder =
    coding === "gzip" || coding === "x-gzip"
      ? createGunzip()
      : coding === "deflate"
        ? createInflate()
        : coding === "br"
          ? createBrotliDecompress()
          : null;
  if (!decoder) return res;
  res.on("error", (err) => decoder.destroy(err));
  return res.pipe(decoder);
}
