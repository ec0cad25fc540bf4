import { AnthropicProvider } from "../src/providers/index.js";
import { createFastFetch } from "../src/providers/fast-fetch.js";
const url = "http://127.0.0.1:18555";
const ff = createFastFetch();
const req = { model: "claude-haiku-4-5", system: "s", messages: [{ role: "user" as const, content: "explain decorators" }], maxTokens: 100 };
const body = JSON.stringify({ model: req.model, max_tokens: 100, system: "s", messages: req.messages, stream: true });
async function bench(name: string, one: () => Promise<unknown>) {
  await one();
  const t0 = performance.now(); let n = 0; const end = t0 + 2000;
  await Promise.all(Array.from({ length: 50 }, async () => { while (performance.now() < end) { await one(); n++; } }));
  console.log(name, (n / ((performance.now() - t0) / 1000)).toFixed(0), "req/s");
}
await bench("raw fastFetch text()", async () => (await ff(url + "/v1/messages", { method: "POST", body, headers: { "content-type": "application/json", "x-api-key": "k" } })).text());
await bench("raw global fetch text()", async () => (await fetch(url + "/v1/messages", { method: "POST", body, headers: { "content-type": "application/json", "x-api-key": "k" } })).text());
for (const [name, f] of [["provider+fast", ff], ["provider+global", undefined]] as const) {
  const prov = new AnthropicProvider({ apiKey: "sk-ant-test-123456789", baseUrl: url, fetch: f as any });
  await bench(name, () => prov.complete(req));
}
ff.close();
