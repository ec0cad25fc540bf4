import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnthropicProvider } from "../../src/providers/anthropic.js";
import { createFastFetch, fastFetchInit, isFastFetch, takeNodeBody } from "../../src/providers/fast-fetch.js";
import { readSse } from "../../src/providers/sse.js";
import { type MockServer, startMockServer } from "../../src/server/index.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let base: string;
let connections = 0;
const routes = new Map<string, Handler>();
let releaseSecondChunk: () => void = () => {};

beforeAll(async () => {
  server = createServer({ keepAlive: true }, (req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      const handler = routes.get(new URL(req.url ?? "/", "http://x").pathname);
      if (handler) handler(req, res, body);
      else res.writeHead(404).end("no route");
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set("/echo", (req, res, body) => {
    res.setHeader("content-type", "application/json");
    res.setHeader("x-multi", ["a", "b"]);
    res.end(
      JSON.stringify({
        method: req.method,
        body,
        type: req.headers["content-type"] ?? null,
        h: req.headers["x-test"] ?? null,
      }),
    );
  });
  routes.set("/gzip", (_req, res) => {
    res.writeHead(200, { "content-encoding": "gzip", "content-type": "text/plain" });
    res.end(gzipSync("compressed hello"));
  });
  routes.set("/empty", (_req, res) => {
    res.writeHead(204).end();
  });
  routes.set("/two-chunks", (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("data: one\n\n");
    // The second chunk waits for the test to have read the first: proof the body streams.
    releaseSecondChunk = () => res.end("data: two\n\n");
  });
  routes.set("/sse", (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("event: a\ndata: 1\n\n");
    res.end("event: b\ndata: 2\n\n");
  });
  routes.set("/error", (_req, res) => {
    res.writeHead(429, { "content-type": "application/json", "retry-after": "3" });
    res.end(JSON.stringify({ type: "error", error: { type: "rate_limit_error", message: "slow down" } }));
  });
  routes.set("/silent", () => {
    // Never answers: the client has to give up.
  });
  routes.set("/hang", (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("partial");
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("createFastFetch", () => {
  it("sends method, headers and string bodies and returns status, headers and body", async () => {
    const f = createFastFetch();
    try {
      const res = await f(`${base}/echo`, { method: "post", headers: { "X-Test": "yes" }, body: "hi" });
      expect(res.status).toBe(200);
      expect(res.ok).toBe(true);
      expect(res.url).toBe(`${base}/echo`);
      expect(res.headers.get("x-multi")).toBe("a, b");
      expect(await res.json()).toEqual({
        method: "POST",
        body: "hi",
        type: "text/plain;charset=UTF-8",
        h: "yes",
      });
    } finally {
      f.close();
    }
  });

  it("serialises other BodyInit kinds like fetch (URLSearchParams, bytes, Request input)", async () => {
    const f = createFastFetch();
    try {
      const form = await (
        await f(`${base}/echo`, { method: "POST", body: new URLSearchParams({ a: "1 2" }) })
      ).json();
      expect(form).toMatchObject({ body: "a=1+2", type: "application/x-www-form-urlencoded;charset=UTF-8" });
      const bytes = await (
        await f(`${base}/echo`, { method: "PUT", body: new TextEncoder().encode("raw") })
      ).json();
      expect(bytes).toMatchObject({ method: "PUT", body: "raw", type: null });
      const viaRequest = await (
        await f(new Request(`${base}/echo`, { method: "POST", body: "r", headers: { "x-test": "req" } }))
      ).json();
      expect(viaRequest).toMatchObject({ method: "POST", h: "req" });
    } finally {
      f.close();
    }
  });

  it("reuses one keep-alive connection for sequential requests", async () => {
    const f = createFastFetch();
    try {
      const before = connections;
      for (let i = 0; i < 5; i++) await (await f(`${base}/echo`)).text();
      expect(connections - before).toBe(1);
    } finally {
      f.close();
    }
  });

  it("decodes gzip and gives null-body statuses a null body", async () => {
    const f = createFastFetch();
    try {
      expect(await (await f(`${base}/gzip`)).text()).toBe("compressed hello");
      const empty = await f(`${base}/empty`);
      expect(empty.status).toBe(204);
      expect(empty.body).toBeNull();
    } finally {
      f.close();
    }
  });

  it("streams the body as it arrives", async () => {
    const f = createFastFetch();
    try {
      const res = await f(`${base}/two-chunks`);
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toBe("data: one\n\n");
      releaseSecondChunk();
      const second = await reader.read();
      expect(new TextDecoder().decode(second.value)).toBe("data: two\n\n");
      expect((await reader.read()).done).toBe(true);
    } finally {
      f.close();
    }
  });

  it("rejects with the abort reason before the response and errors the body after it", async () => {
    const f = createFastFetch();
    try {
      const early = new AbortController();
      early.abort();
      await expect(f(`${base}/echo`, { signal: early.signal })).rejects.toMatchObject({ name: "AbortError" });

      const late = new AbortController();
      const res = await f(`${base}/hang`, { signal: late.signal });
      const reader = res.body!.getReader();
      await reader.read();
      late.abort();
      await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
    } finally {
      f.close();
    }
  });

  it("fails like fetch when the server cannot be reached", async () => {
    const f = createFastFetch();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    try {
      await expect(f(`http://127.0.0.1:${port}/`)).rejects.toThrow(TypeError);
      await expect(f("ftp://127.0.0.1/")).rejects.toThrow(/unsupported protocol/);
    } finally {
      f.close();
    }
  });
});

describe("fast fetch's streaming extensions (fastFetchInit)", () => {
  it("brands its fetches", () => {
    const f = createFastFetch();
    expect(isFastFetch(f)).toBe(true);
    expect(isFastFetch(fetch)).toBe(false);
    f.close();
  });

  it("hands a 2xx body over as a node stream, once, and readSse reads it", async () => {
    const f = createFastFetch();
    try {
      const res = await f(`${base}/sse`, fastFetchInit());
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/event-stream");
      expect(res.body).toBeNull();
      const seen: Array<[string | null, string]> = [];
      await readSse(res, (e, d) => seen.push([e, d]));
      expect(seen).toEqual([
        ["a", "1"],
        ["b", "2"],
      ]);
      expect(takeNodeBody(res)).toBeNull();
      // Without the flag the same reply has its usual web body.
      expect(await (await f(`${base}/sse`)).text()).toBe("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
    } finally {
      f.close();
    }
  });

  it("keeps the usual (buffered) body for error replies, so the SDKs can read them", async () => {
    const f = createFastFetch();
    try {
      const res = await f(`${base}/error`, fastFetchInit());
      expect(res.status).toBe(429);
      expect(takeNodeBody(res)).toBeNull();
      expect(res.headers.get("retry-after")).toBe("3");
      expect(await res.json()).toMatchObject({ error: { type: "rate_limit_error" } });
    } finally {
      f.close();
    }
  });

  it("the caller signal aborts before the reply and errors the node body after it", async () => {
    const f = createFastFetch();
    try {
      const early = new AbortController();
      const pending = f(`${base}/silent`, fastFetchInit(early.signal));
      setTimeout(() => early.abort(), 20);
      await expect(pending).rejects.toMatchObject({ name: "AbortError" });

      const late = new AbortController();
      const res = await f(`${base}/hang`, fastFetchInit(late.signal));
      const body = takeNodeBody(res)!;
      await new Promise((r) => body.once("data", r));
      const reason = new Error("caller gave up");
      late.abort(reason);
      await expect(new Promise((_, reject) => body.once("error", reject))).rejects.toBe(reason);
    } finally {
      f.close();
    }
  });
});

describe("fast fetch under the Anthropic SDK", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ timeScale: 0, seed: 3 });
  });
  afterAll(async () => {
    await mock.close();
  });

  it("carries streamed Messages responses for AnthropicProvider", async () => {
    const f = createFastFetch({ maxSockets: 4 });
    try {
      const provider = new AnthropicProvider({
        apiKey: "sk-ant-test-00000000000000",
        baseUrl: mock.url,
        fetch: f,
      });
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          provider.complete({
            model: "claude-haiku-4-5",
            system: "s",
            messages: [{ role: "user", content: "Explain decorators" }],
            maxTokens: 50,
          }),
        ),
      );
      for (const r of results) {
        expect(r.text.length).toBeGreaterThan(0);
        expect(r.usage.output).toBeGreaterThan(0);
        expect(r.timings.firstText).not.toBeNull();
      }
      expect(mock.stats().streams.completed).toBe(8);
    } finally {
      f.close();
    }
  });
});
