import { afterEach, describe, expect, it } from "vitest";
import { SimProvider } from "../../src/providers/sim.js";
import { type MockServer, type MockServerOptions, startMockServer } from "../../src/server/index.js";
import { classifyTaskKind, tierOfModel } from "../../src/simulation/classify.js";
import { planResponse } from "../../src/simulation/plan.js";
import { createRng } from "../../src/simulation/rng.js";
import { estimateRequestTokens } from "../../src/simulation/tokens.js";

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(opts: MockServerOptions = {}): Promise<MockServer> {
  const s = await startMockServer({ timeScale: 0, ...opts });
  servers.push(s);
  return s;
}

const SYSTEM = "You are a careful Python reviewer.";
const TASK = "Review this function for bugs: def f(x): return x/0";
const MODEL = "claude-haiku-4-5";

function messagesBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: MODEL,
    max_tokens: 800,
    system: SYSTEM,
    messages: [{ role: "user", content: TASK }],
    ...extra,
  };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

interface SseEvent {
  event: string | null;
  data: string;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? null;
      const data = lines
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n");
      return { event, data };
    });
}

/** The plan the simulation model gives request number `index` of a server seeded `seed`. */
function expectedPlan(seed: number, index: number, maxTokens = 800) {
  return planResponse({
    model: MODEL,
    tier: tierOfModel(MODEL),
    taskKind: classifyTaskKind(TASK),
    inputTokens: estimateRequestTokens(SYSTEM, [{ content: TASK }]),
    rng: createRng(`${seed}:${index}`),
    maxTokens,
  });
}

describe("mock server: Anthropic Messages front end", () => {
  it("answers with the same response the sim provider gives (one model, two front ends)", async () => {
    const srv = await start({ seed: 7 });
    const res = await post(`${srv.url}/v1/messages`, messagesBody());
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      type: string;
      model: string;
      content: Array<{ type: string; text: string }>;
      usage: { input_tokens: number; output_tokens: number };
      stop_reason: string;
    };
    const sim = await new SimProvider({ seed: 7, timeScale: 0 }).complete({
      model: MODEL,
      system: SYSTEM,
      messages: [{ role: "user", content: TASK }],
      maxTokens: 800,
      hints: { seedKey: "1" },
    });
    expect(body.type).toBe("message");
    expect(body.model).toBe(MODEL);
    expect(body.content[0]?.text).toBe(sim.text);
    expect(body.usage.output_tokens).toBe(sim.usage.output);
    expect(body.usage.input_tokens).toBe(sim.usage.input);
    expect(body.stop_reason).toBe(sim.stopReason);
  });

  it("streams the documented SSE event sequence, with the same text as the JSON reply", async () => {
    const srv = await start({ seed: 11 });
    const res = await post(`${srv.url}/v1/messages`, messagesBody({ stream: true }));
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(["message_start", "content_block_start", "ping"]);
    expect(names.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    const deltas = events.filter((e) => e.event === "content_block_delta").map((e) => JSON.parse(e.data));
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.every((d) => d.delta.type === "text_delta")).toBe(true);
    const plan = expectedPlan(11, 1);
    expect(deltas.map((d) => d.delta.text).join("")).toBe(plan.text);
    const first = JSON.parse(events[0]!.data);
    expect(first.message.usage.input_tokens).toBe(plan.inputTokens);
    const delta = JSON.parse(events.at(-2)!.data);
    expect(delta.usage.output_tokens).toBe(plan.outputTokens);
    expect(delta.delta.stop_reason).toBe(plan.stopReason);
  });

  it("caps output at max_tokens with stop_reason max_tokens", async () => {
    const srv = await start();
    const body = (await (await post(`${srv.url}/v1/messages`, messagesBody({ max_tokens: 5 }))).json()) as {
      usage: { output_tokens: number };
      stop_reason: string;
    };
    expect(body.usage.output_tokens).toBe(5);
    expect(body.stop_reason).toBe("max_tokens");
  });

  it("counts tokens with the simulation's estimate", async () => {
    const srv = await start();
    const res = await post(`${srv.url}/v1/messages/count_tokens`, {
      model: MODEL,
      system: [{ type: "text", text: SYSTEM }],
      messages: [{ role: "user", content: [{ type: "text", text: TASK }] }],
    });
    expect(await res.json()).toEqual({ input_tokens: estimateRequestTokens(SYSTEM, [{ content: TASK }]) });
    expect(srv.stats().byEndpoint.count_tokens).toBe(1);
    expect(srv.stats().generations).toBe(0);
  });

  it.each([
    [{ max_tokens: 10, messages: [{ role: "user", content: "hi" }] }, /^model: Field required/],
    [{ model: MODEL, messages: [{ role: "user", content: "hi" }] }, /^max_tokens: Field required/],
    [{ model: MODEL, max_tokens: 10 }, /^messages: Field required/],
    [{ model: MODEL, max_tokens: 0, messages: [{ role: "user", content: "hi" }] }, /^max_tokens:/],
    [{ model: MODEL, max_tokens: 10, messages: [{ role: "robot", content: "hi" }] }, /^messages\.0\.role/],
    ["{not json", /not valid JSON/],
  ])("rejects a bad request with an Anthropic-shaped 400 (%j)", async (body, message) => {
    const srv = await start();
    const res = await post(`${srv.url}/v1/messages`, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { type: string; error: { type: string; message: string } };
    expect(json.type).toBe("error");
    expect(json.error.type).toBe("invalid_request_error");
    expect(json.error.message).toMatch(message);
    expect(srv.stats().responses["400"]).toBe(1);
  });
});

describe("mock server: OpenAI chat completions front end", () => {
  const chat = (extra: Record<string, unknown> = {}) => ({
    model: MODEL,
    max_tokens: 800,
    messages: [
      { role: "system", content: SYSTEM },
      { role: "user", content: TASK },
    ],
    ...extra,
  });

  it("answers JSON with usage, planned by the same model", async () => {
    const srv = await start({ seed: 3 });
    const body = (await (await post(`${srv.url}/v1/chat/completions`, chat())).json()) as {
      object: string;
      choices: Array<{ message: { content: string }; finish_reason: string }>;
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const plan = expectedPlan(3, 1);
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0]?.message.content).toBe(plan.text);
    expect(body.usage).toMatchObject({
      prompt_tokens: plan.inputTokens,
      completion_tokens: plan.outputTokens,
    });
  });

  it("streams chunks and a final usage chunk only when include_usage is asked for", async () => {
    const srv = await start({ seed: 3 });
    const withUsage = parseSse(
      await (
        await post(
          `${srv.url}/v1/chat/completions`,
          chat({ stream: true, stream_options: { include_usage: true } }),
        )
      ).text(),
    );
    expect(withUsage.at(-1)?.data).toBe("[DONE]");
    const chunks = withUsage.slice(0, -1).map((e) => JSON.parse(e.data));
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage.completion_tokens).toBe(expectedPlan(3, 1).outputTokens);
    expect(chunks.at(-2).choices[0].finish_reason).toBe("stop");
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    expect(text).toBe(expectedPlan(3, 1).text);

    const without = parseSse(
      await (await post(`${srv.url}/v1/chat/completions`, chat({ stream: true }))).text(),
    );
    expect(without.slice(0, -1).some((e) => "usage" in JSON.parse(e.data))).toBe(false);
  });

  it("rejects a request without a model in OpenAI's error shape", async () => {
    const srv = await start();
    const res = await post(`${srv.url}/v1/chat/completions`, { messages: [{ role: "user", content: "x" }] });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { type: string; message: string } };
    expect(json.error.type).toBe("invalid_request_error");
    expect(json.error.message).toMatch(/model/);
  });
});

describe("mock server: pacing, limits, auth, lifecycle", () => {
  it("streams at the planned pace: no text before TTFT, and several tokens per write", async () => {
    // Pick a time scale that makes this request's TTFT about 150 ms of wall clock.
    const plan = expectedPlan(5, 1);
    const timeScale = 150 / plan.ttftMs;
    const srv = await start({ seed: 5, timeScale });
    const t0 = performance.now();
    const res = await post(`${srv.url}/v1/messages`, messagesBody({ stream: true }));
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let firstDeltaAt: number | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (firstDeltaAt === null && text.includes("content_block_delta"))
        firstDeltaAt = performance.now() - t0;
    }
    const total = performance.now() - t0;
    // Timers never fire early (beyond rounding), so these lower bounds hold on any machine.
    expect(firstDeltaAt).not.toBeNull();
    expect(firstDeltaAt!).toBeGreaterThanOrEqual(plan.ttftMs * timeScale - 2);
    expect(total).toBeGreaterThanOrEqual(plan.totalMs * timeScale - 2);
    const deltas = parseSse(text).filter((e) => e.event === "content_block_delta").length;
    expect(deltas).toBeGreaterThan(1);
    expect(deltas).toBeLessThan(plan.outputTokens);
  });

  it("sends everything in one delta at time scale 0", async () => {
    const srv = await start();
    const events = parseSse(
      await (await post(`${srv.url}/v1/messages`, messagesBody({ stream: true }))).text(),
    );
    expect(events.filter((e) => e.event === "content_block_delta")).toHaveLength(1);
  });

  it("requires a key only with requireKey, accepting x-api-key or authorization", async () => {
    const open = await start();
    expect((await post(`${open.url}/v1/messages`, messagesBody())).status).toBe(200);
    const guarded = await start({ requireKey: true });
    const denied = await post(`${guarded.url}/v1/messages`, messagesBody());
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { error: { type: string } }).error.type).toBe("authentication_error");
    expect((await post(`${guarded.url}/v1/messages`, messagesBody(), { "x-api-key": "k" })).status).toBe(200);
    expect(
      (await post(`${guarded.url}/v1/messages`, messagesBody(), { authorization: "Bearer k" })).status,
    ).toBe(200);
  });

  it("echoes the caller's key in error messages only when asked to", async () => {
    const key = "sk-ant-api03-ECHOTEST-0123456789";
    const echo = await start({ echoKey: true, faults: "500:1" });
    const res = await post(`${echo.url}/v1/messages`, messagesBody(), { "x-api-key": key });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain(key);
    const quiet = await start({ faults: "500:1" });
    expect(
      await (await post(`${quiet.url}/v1/messages`, messagesBody(), { "x-api-key": key })).text(),
    ).not.toContain(key);
  });

  it("refuses oversized bodies with 413 and unknown routes with 404", async () => {
    const srv = await start({ maxBodyBytes: 1000 });
    const big = await post(`${srv.url}/v1/messages`, messagesBody({ system: "x".repeat(5000) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { type: string } }).error.type).toBe("request_too_large");
    expect((await post(`${srv.url}/v2/nothing`, {})).status).toBe(404);
    expect((await fetch(`${srv.url}/health`)).status).toBe(200);
  });

  it("binds 127.0.0.1 by default and counts requests, statuses and faults", async () => {
    const srv = await start({ faults: "529:every=2" });
    expect(srv.host).toBe("127.0.0.1");
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(`${srv.url}/v1/messages`, messagesBody())).status);
    expect(statuses).toEqual([200, 529, 200, 529]);
    const s = srv.stats();
    expect(s.requests).toBe(4);
    expect(s.generations).toBe(4);
    expect(s.responses).toEqual({ "200": 2, "529": 2 });
    expect(s.faults).toEqual({ "529": 2 });
  });

  it("close() ends a stream stalled forever", async () => {
    const srv = await startMockServer({ timeScale: 0, faults: "stall:1@forever" });
    const res = await post(`${srv.url}/v1/messages`, messagesBody({ stream: true }));
    const reading = res.text().then(
      () => "ended",
      () => "errored",
    );
    await new Promise((r) => setTimeout(r, 50));
    const closed = srv.close();
    expect(await reading).toMatch(/ended|errored/);
    await closed;
    expect(srv.stats().streams.interrupted).toBe(1);
  });
});
