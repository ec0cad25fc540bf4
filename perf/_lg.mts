import { loadLib } from "./lib.js";
import { startServerProcess } from "./server-process.js";
const lib = await loadLib("/work/main", "dist");
const server = await startServerProcess("/work/main", { timeScale: 0, seed: 1 });
const ff = lib.fastFetch.createFastFetch();
const p = new lib.anthropic.AnthropicProvider({ apiKey: "sk-ant-perf-0000000000000000", baseUrl: server.url, fetch: ff });
const REQ = { model: "claude-haiku-4-5", system: "You are a terse assistant.", messages: [{ role: "user" as const, content: "Explain Python decorators in one paragraph." }], maxTokens: 64 };
const mode = process.argv[2] ?? "provider";
const body = JSON.stringify({ model: REQ.model, max_tokens: 64, system: REQ.system, messages: REQ.messages, stream: true });
import { Agent, request } from "node:http";
const agent = new Agent({ keepAlive: true });
const u = new URL(server.url + "/v1/messages");
const raw = () => new Promise<void>((resolve, reject) => { const r = request(u, { method: "POST", agent, headers: { "content-type": "application/json", "x-api-key": "k", "content-length": Buffer.byteLength(body) } }, (res) => { res.on("data", () => {}); res.on("end", resolve); }); r.on("error", reject); r.end(body); });
const one = mode === "raw" ? raw : mode === "provider" ? () => p.complete(REQ) : mode === "ff" ? async () => { const r = await ff(server.url + "/v1/messages", { method: "POST", body, headers: { "content-type": "application/json", "x-api-key": "k" } }); await r.text(); } : async () => { const r = await ff(server.url + "/v1/messages", { method: "POST", body, headers: { "content-type": "application/json", "x-api-key": "k" } }); for await (const _ of r.body!) {} };
const loop = async (ms: number) => { let n = 0; const c0 = process.cpuUsage(); const end = performance.now() + ms; const s = performance.now(); await Promise.all(Array.from({ length: 50 }, async () => { while (performance.now() < end) { await one(); n++; } })); const c = process.cpuUsage(c0); console.log("cpu µs/req", ((c.user + c.system) / n).toFixed(0), "user", (c.user/n).toFixed(0)); return n / ((performance.now() - s) / 1000); };
await loop(500);
console.log(mode, (await loop(3000)).toFixed(0), "req/s");
if (process.argv[3]) {
  const prof = await lib.profiling.startProfiling({ outDir: "/tmp/lgprof", name: mode });
  console.log("profiled", (await loop(3000)).toFixed(0));
  console.log(lib.profiling.formatProfileSummary(await prof.stop()).slice(0, 16).join("\n"));
}
ff.close(); await server.stop(); process.exit(0);
