import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFastFetch } from "../../src/providers/fast-fetch.js";

let url: string;
const server = createServer((_req, res) => {
  res.setHeader("x-simulated-by", "test");
  res.setHeader("content-type", "application/json");
  res.end("{}");
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it("onResponse sees every response's status and headers", async () => {
  const seen: Array<[number, string | null]> = [];
  const f = createFastFetch({
    onResponse: (status, headers) => seen.push([status, headers.get("x-simulated-by")]),
  });
  try {
    const r = await f(url);
    expect(await r.json()).toEqual({});
    expect(seen).toEqual([[200, "test"]]);
  } finally {
    f.close();
  }
});
