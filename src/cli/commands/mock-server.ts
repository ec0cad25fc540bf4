import type { Command } from "commander";
import { FAULT_SPEC_HELP } from "../../server/fault-spec.js";
import { parseInteger, parseNonNegative } from "../common.js";

interface MockServerFlags {
  port: number;
  host: string;
  faults?: string;
  seed?: number;
  timeScale?: number;
  requireKey?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("mock-server")
    .description(
      "serve a SIMULATED Claude (Anthropic Messages + OpenAI chat completions) with injectable faults",
    )
    .option("--port <n>", "port to listen on (0 = any free port)", parseInteger, 8787)
    .option(
      "--host <addr>",
      "address to bind (keep 127.0.0.1 unless other machines must reach it)",
      "127.0.0.1",
    )
    .option("--faults <spec>", "faults to inject, e.g. 429:0.1,stall:every=20@5s (see below)")
    .option("--seed <n>", "seed for latencies, texts and rate-based faults", parseInteger)
    .option(
      "--time-scale <x>",
      "wall-clock compression of the latency model (1 = real time, 0 = none)",
      parseNonNegative,
    )
    .option("--require-key", "answer 401 to requests without x-api-key or authorization")
    .option("--json", "print the final statistics as JSON on stdout")
    .addHelpText(
      "after",
      `\nFault spec: ${FAULT_SPEC_HELP}\n\nExamples:\n  claude-force mock-server --faults 429:0.1,529:0.05\n  ANTHROPIC_BASE_URL=http://127.0.0.1:8787 ANTHROPIC_API_KEY=sk-ant-dummy claude-force run --provider anthropic python-expert "Explain generators"`,
    )
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<MockServerFlags>();
      const [{ startMockServer, parseFaultSpec, formatFaultSpec }, { Output }] = await Promise.all([
        import("../../server/index.js"),
        import("../output.js"),
      ]);
      const out = new Output({ json: flags.json });
      const faults = parseFaultSpec(flags.faults ?? "");
      const server = await startMockServer({
        port: flags.port,
        host: flags.host,
        seed: flags.seed,
        timeScale: flags.timeScale,
        faults,
        requireKey: flags.requireKey,
      });
      const info = (text: string) => (out.json ? out.note(text) : out.line(text));
      info(
        `mock server: SIMULATED Claude (not a real measurement; seed ${server.seed}, time scale ${server.timeScale}) on ${server.url}`,
      );
      info(`  Anthropic SDK / claude-force:  ANTHROPIC_BASE_URL=${server.url}`);
      info(`  OpenAI-compatible clients:     OPENAI_BASE_URL=${server.url}/v1`);
      info(`  faults: ${faults.length ? formatFaultSpec(faults) : "none"}`);
      if (!["127.0.0.1", "localhost", "::1"].includes(server.host))
        out.note(`warning: listening on ${server.host}: other machines can reach this server`);
      info("Ctrl-C to stop.");

      await new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      });
      const stats = server.stats();
      await server.close();
      out.data({ url: server.url, simulated: true, faults: formatFaultSpec(faults), stats });
      out.heading("mock server statistics");
      out.table(
        ["metric", "value"],
        [
          ["requests", stats.requests],
          ["generations", stats.generations],
          ["streams completed", stats.streams.completed],
          ["streams interrupted", stats.streams.interrupted],
          ["output tokens", stats.outputTokens],
          ...Object.entries(stats.responses).map(([status, n]): [string, number] => [`HTTP ${status}`, n]),
          ...Object.entries(stats.faults).map(([kind, n]): [string, number] => [`fault ${kind}`, n ?? 0]),
        ],
      );
    });
}
