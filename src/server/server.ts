/**
 * A local Claude-compatible server on plain node:http (keep-alive, no framework). Two front ends,
 * Anthropic Messages (`POST /v1/messages`, `/v1/messages/count_tokens`) and OpenAI chat completions
 * (`POST /v1/chat/completions`), over ONE model: each request is planned by the simulation's
 * `planResponse` from a per-request seeded rng, exactly like the sim provider, and faults are
 * injected per the FaultSpec. Binds 127.0.0.1 unless told otherwise.
 */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ClaudeForceError } from "../errors.js";
import { DEFAULT_SIM_SEED } from "../providers/sim.js";
import { classifyTaskKind, tierOfModel } from "../simulation/classify.js";
import { planResponse } from "../simulation/plan.js";
import { createRng } from "../simulation/rng.js";
import { estimateRequestTokens } from "../simulation/tokens.js";
import { anthropicErrorType, anthropicProtocol, countTokens } from "./anthropic-wire.js";
import { type FaultSpec, parseFaultSpec, pickFault, validateFaultSpec } from "./fault-spec.js";
import { SIMULATED_HEADER } from "./header.js";
import { openaiProtocol } from "./openai-wire.js";
import { type Exchange, respond, sendError, sendJson } from "./respond.js";
import { type Endpoint, emptyStats, type ServerStats, snapshot } from "./stats.js";
import { ApiError, type Protocol } from "./wire.js";

/** The Messages API's own request size limit. */
export { SIMULATED_HEADER };

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface MockServerOptions {
  /** 0 = a free port (default). */
  port?: number;
  /** Default 127.0.0.1: the mock is for this machine unless the user says otherwise. */
  host?: string;
  seed?: number;
  /** Wall-clock compression of the latency model: 1 = real-time Claude, 0 = no waiting. */
  timeScale?: number;
  /** A FaultSpec, or the compact `--faults` string. */
  faults?: FaultSpec | string;
  /** Reject requests with neither `x-api-key` nor `authorization` (401). */
  requireKey?: boolean;
  /** Put the caller's API key into error messages: tests use it to prove keys are scrubbed. */
  echoKey?: boolean;
  maxBodyBytes?: number;
}

export interface MockServer {
  url: string;
  port: number;
  host: string;
  seed: number;
  timeScale: number;
  stats(): ServerStats;
  close(): Promise<void>;
}

const ROUTES: Record<string, Endpoint> = {
  "/v1/messages": "messages",
  "/v1/messages/count_tokens": "count_tokens",
  "/v1/chat/completions": "chat_completions",
};

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The request path without query or trailing slash; "" for a target that does not parse. */
function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://mock").pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

function apiKeyOf(req: IncomingMessage): string | null {
  const key = req.headers["x-api-key"];
  if (typeof key === "string" && key) return key;
  const auth = req.headers.authorization;
  if (typeof auth === "string" && auth) return auth.replace(/^Bearer\s+/i, "");
  return null;
}

export async function startMockServer(opts: MockServerOptions = {}): Promise<MockServer> {
  const seed = opts.seed ?? DEFAULT_SIM_SEED;
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale >= 0) || !Number.isFinite(timeScale))
    throw new ClaudeForceError("USAGE", "time scale must be a finite number >= 0", {
      keyPath: "--time-scale",
      found: String(opts.timeScale),
    });
  const faults = typeof opts.faults === "string" ? parseFaultSpec(opts.faults) : (opts.faults ?? []);
  validateFaultSpec(faults);
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const stats = emptyStats();
  let sequence = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    stats.requests++;
    const requestId = `req_mock_${(++sequence).toString(36).padStart(6, "0")}`;
    // Lets claude-force (and anyone) tell that these numbers come from a simulation, not Claude.
    res.setHeader(SIMULATED_HEADER, "claude-force-mock-server");
    const path = pathOf(req.url);
    const endpoint: Endpoint = req.method === "POST" ? (ROUTES[path] ?? "other") : "other";
    stats.byEndpoint[endpoint]++;
    res.on("close", () => {
      const key = res.headersSent ? String(res.statusCode) : "none";
      stats.responses[key] = (stats.responses[key] ?? 0) + 1;
    });
    const protocol: Protocol = endpoint === "chat_completions" ? openaiProtocol : anthropicProtocol;
    const fail = (status: number, message: string, type = anthropicErrorType(status)) =>
      sendError(res, protocol, new ApiError(status, type, message), requestId);

    if (endpoint === "other") {
      if (req.method === "GET" && (path === "" || path === "/health"))
        return sendJson(res, 200, { name: "claude-force mock server", simulated: true, seed, timeScale });
      return fail(404, `no route for ${req.method} ${path || "/"}`);
    }
    const key = apiKeyOf(req);
    const echo = opts.echoKey && key ? ` (api key: ${key})` : "";
    if (opts.requireKey && !key) return fail(401, "x-api-key header is required");

    let body: unknown;
    try {
      const raw = await readBody(req, maxBody);
      body = raw.length ? JSON.parse(raw.toString("utf8")) : undefined;
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader("connection", "close");
        return fail(413, `request body exceeds ${maxBody} bytes`);
      }
      return fail(400, `request body is not valid JSON${echo}`, "invalid_request_error");
    }

    try {
      if (endpoint === "count_tokens")
        return sendJson(res, 200, countTokens(body), { "request-id": requestId });
      const parsed = protocol.parse(body);
      const index = ++stats.generations;
      // Same draws as the sim provider with seedKey = index: one uniform for the fault (only when
      // faults are configured), then the response plan. One model, two front ends.
      const rng = createRng(`${seed}:${index}`);
      const fault = faults.length > 0 ? pickFault(faults, index, rng.next()) : null;
      if (fault) stats.faults[fault.kind] = (stats.faults[fault.kind] ?? 0) + 1;
      const inputTokens = estimateRequestTokens(parsed.system, parsed.messages);
      const plan = planResponse({
        model: parsed.model,
        tier: tierOfModel(parsed.model),
        taskKind: classifyTaskKind(parsed.messages.at(-1)?.content ?? ""),
        inputTokens,
        rng,
        maxTokens: parsed.maxTokens,
      });
      const aborter = new AbortController();
      res.on("close", () => aborter.abort());
      const exchange: Exchange = {
        res,
        protocol,
        req: parsed,
        ctx: {
          id: protocol.name === "anthropic" ? `msg_mock_${index}` : `chatcmpl-mock-${index}`,
          model: parsed.model,
          inputTokens,
          created: Math.floor(Date.now() / 1000),
          includeUsage: parsed.includeUsage,
        },
        plan,
        fault,
        timeScale,
        signal: aborter.signal,
        requestId,
        echo,
        arrived,
      };
      await respond(exchange);
      if (exchange.completed) stats.outputTokens += plan.outputTokens;
      if (parsed.stream && res.headersSent && res.statusCode === 200) {
        if (exchange.completed) stats.streams.completed++;
        else stats.streams.interrupted++;
      }
    } catch (err) {
      if (err instanceof ApiError) {
        const e = echo ? new ApiError(err.status, err.type, `${err.message}${echo}`) : err;
        return sendError(res, protocol, e, requestId);
      }
      throw err;
    }
  }

  // In-flight handlers, so close() returns only once their stats are final.
  const inFlight = new Set<Promise<void>>();
  const server = createServer({ keepAlive: true }, (req, res) => {
    const work = handle(req, res).catch((err: unknown) => {
      // A bug in the mock must not kill the process serving the user's system: answer 500.
      if (!res.headersSent)
        sendError(
          res,
          anthropicProtocol,
          new ApiError(500, "api_error", `mock server bug: ${String(err)}`),
          "",
        );
      else res.destroy();
    });
    inFlight.add(work);
    work.finally(() => inFlight.delete(work));
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        new ClaudeForceError(
          "USAGE",
          `cannot listen on ${host}:${opts.port ?? 0}: ${err.code ?? err.message}`,
          {
            keyPath: "--port",
            hint:
              err.code === "EADDRINUSE"
                ? "the port is taken; pick another with --port (0 = any free port)"
                : undefined,
          },
        ),
      );
    };
    server.once("error", onError);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    seed,
    timeScale,
    stats: () => snapshot(stats),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Ends idle keep-alive sockets and open (possibly stalled-forever) streams.
      server.closeAllConnections();
      await closed;
      await Promise.all(inFlight);
    },
  };
}
