import { loadLib } from "./lib.js";
import { startServerProcess } from "./server-process.js";
const lib = await loadLib("/work/main", "dist");
const server = await startServerProcess("/work/main", { timeScale: 0.9, seed: 7 });
const ff = lib.fastFetch.createFastFetch();
const { default: A } = await import("@anthropic-ai/sdk");
const client = new A({ apiKey: "sk-ant-perf-0000000000000000", baseURL: server.url, maxRetries: 0, fetch: ff });
for (let i = 0; i < 4; i++) {
  const start = performance.now();
  const stream: any = await client.post("/v1/messages", { body: { model: "claude-opus-4-5", max_tokens: 20, system: "You are a software architect.", messages: [{ role: "user", content: "Design a rate limiter for a public API." }], stream: true }, stream: true, maxRetries: 0 } as any);
  let idx = -1; let first = 0; const ts: number[] = [];
  for await (const e of stream) {
    if (e.type === "message_start") { idx = Number(/(\d+)$/.exec(e.message.id)![1]); ts.push(performance.now() - start); }
    if (e.type === "content_block_delta") { if (!first) first = performance.now() - start; }
  }
  const plan = lib.simulation.planResponse({ model: "claude-opus-4-5", tier: "opus", taskKind: lib.simulation.classifyTaskKind("Design a rate limiter for a public API."), inputTokens: lib.simulation.estimateRequestTokens("You are a software architect.", [{ role: "user", content: "Design a rate limiter for a public API." }] as any), rng: lib.simulation.createRng(`7:${idx}`), maxTokens: 20 });
  console.log(idx, "msg_start at", ts[0]!.toFixed(1), "first delta", first.toFixed(1), "plan ttft*0.9", (plan.ttftMs * 0.9).toFixed(1));
}
ff.close(); await server.stop(); process.exit(0);
