import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { fromOpenAIMessages, OpenAIMessage } from "../agents/llm/openai-codec.ts";
import type { AgentResponse, ToolSpec } from "../core/messages.ts";
import type { Scenario } from "../dataset/schema.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { REGISTRY } from "../tools/registry.ts";
import { completionBody, completionChunks, errorBody, estimateUsage } from "./chat-response.ts";
import {
  type FaultDecision,
  FaultPlan,
  type FaultRuleInput,
  FaultScheduler,
  parseFaultHeader,
} from "./faults.ts";
import { HttpError, parseJson, readBody, sendJson, sleep } from "./http.ts";
import {
  FAULT_ID_PREFIX,
  FAULT_TEXT_PREFIX,
  POLICIES,
  type PolicyName,
  replayPolicy,
  ScenarioIndex,
} from "./policy-replay.ts";
import {
  fromPromptModeMessages,
  isPromptModeConversation,
  toPromptModeResponse,
} from "./prompt-transcript.ts";
import { TranscriptError } from "./transcript.ts";

/**
 * A scriptable OpenAI-compatible server (node:http): `POST /v1/chat/completions` (whole or SSE),
 * `GET /v1/models`. Replies are a reference agent's decisions (see policy-replay.ts). The model
 * name picks the policy (`mock-oracle`, `mock-eager`, …); any other name gets the default policy.
 * Prompt-mode clients (no tools, tool instructions in the system prompt) get calls as text blocks.
 */
export interface MockServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  policy?: PolicyName;
  /** Delay before every completion (not before injected HTTP errors). */
  latencyMs?: number;
  faults?: FaultRuleInput[];
  scenarios: readonly Scenario[];
  catalog?: ToolCatalog;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; others get a 401. */
  apiKey?: string;
  /** Seeds probabilistic fault rules. */
  seed?: number;
}

export interface MockServerStats {
  requests: number;
  completions: number;
  rateLimited: number;
  serverErrors: number;
  brokenBodies: number;
  malformed: number;
  rejected: number;
}

export interface MockServer {
  /** Base URL for OpenAI clients, ending in `/v1`. */
  readonly url: string;
  readonly port: number;
  stats(): MockServerStats;
  close(): Promise<void>;
}

const MOCK_MODEL_PREFIX = "mock-";

const ChatRequest = z.looseObject({
  model: z.string(),
  messages: z.array(OpenAIMessage).min(1),
  tools: z
    .array(
      z.looseObject({
        type: z.literal("function"),
        function: z.looseObject({
          name: z.string(),
          description: z.string().optional(),
          // Checked as an object only: a deep parse of every schema on every request is costly.
          parameters: z
            .custom<Record<string, unknown>>(
              (value) => value !== null && typeof value === "object" && !Array.isArray(value),
            )
            .optional(),
        }),
      }),
    )
    .optional(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const scenarios = new ScenarioIndex(options.scenarios);
  const catalog = options.catalog ?? REGISTRY;
  const faults = FaultPlan.parse(options.faults ?? []);
  const scheduler = new FaultScheduler(options.seed ?? 0);
  const stats: MockServerStats = {
    requests: 0,
    completions: 0,
    rateLimited: 0,
    serverErrors: 0,
    brokenBodies: 0,
    malformed: 0,
    rejected: 0,
  };

  const policyFor = (model: string): PolicyName => {
    const named = POLICIES.find((policy) => model === `${MOCK_MODEL_PREFIX}${policy}`);
    if (named) return named;
    if (options.policy) return options.policy;
    throw new HttpError(404, `The model \`${model}\` does not exist`, "not_found_error");
  };

  async function chat(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (options.apiKey !== undefined) {
      const given = (request.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
      // Echoes the key like some real providers do, so clients are tested on keeping it out of logs.
      if (given !== options.apiKey)
        throw new HttpError(401, `Incorrect API key provided: ${given}`, "authentication_error");
    }
    const parsed = ChatRequest.safeParse(parseJson(await readBody(request)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `invalid request: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    const body = parsed.data;
    const policy = policyFor(body.model);
    const wireMessages = fromOpenAIMessages(body.messages);
    const tools: ToolSpec[] = (body.tools ?? []).map((tool) => ({
      name: tool.function.name,
      description: tool.function.description ?? "",
      parameters: tool.function.parameters ?? {},
    }));
    const promptMode = isPromptModeConversation(wireMessages, tools);
    const messages = promptMode ? fromPromptModeMessages(wireMessages) : wireMessages;
    const header = request.headers["x-asynctool-scenario"];
    const replay = await replayPolicy({
      policy,
      scenarios,
      catalog,
      messages,
      tools,
      scenarioId: typeof header === "string" ? header : undefined,
    });
    const key = createHash("sha256")
      .update(`${body.model}\u0000${JSON.stringify(messages)}`)
      .digest("hex");
    const faultHeader = request.headers["x-mock-fault"];
    let rules = faults;
    try {
      if (typeof faultHeader === "string") rules = [...faults, ...parseFaultHeader(faultHeader)];
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
    const decision = scheduler.decide(rules, { key, turn: replay.turn, scenario: replay.scenario.id });
    if (sendHttpFault(response, decision, stats, body.stream === true)) return;

    let answer: AgentResponse = replay.response;
    if (decision.kind === "bad-arguments" || decision.kind === "unknown-tool") {
      stats.malformed += 1;
      answer = malformed(decision.kind, replay.turn, replay.response);
    }
    if (promptMode) answer = toPromptModeResponse(answer);
    if (options.latencyMs) await sleep(options.latencyMs);
    const context = {
      id: `chatcmpl-mock-${key.slice(0, 24)}`,
      model: body.model,
      usage: estimateUsage(body.messages, answer),
    };
    stats.completions += 1;
    if (body.stream) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      for (const chunk of completionChunks(answer, context, body.stream_options?.include_usage === true)) {
        response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      }
      response.end("data: [DONE]\n\n");
      return;
    }
    sendJson(response, 200, completionBody(answer, context));
  }

  const server = createServer((request, response) => {
    stats.requests += 1;
    const path = (request.url ?? "").split("?")[0];
    const route =
      request.method === "POST" && path === "/v1/chat/completions"
        ? chat(request, response)
        : request.method === "GET" && path === "/v1/models"
          ? Promise.resolve(sendJson(response, 200, modelList()))
          : Promise.reject(new HttpError(404, `no route ${request.method} ${path}`, "not_found_error"));
    route.catch((error: unknown) => {
      stats.rejected += 1;
      const status = error instanceof HttpError ? error.status : error instanceof TranscriptError ? 400 : 500;
      const type = error instanceof HttpError ? error.type : "invalid_request_error";
      if (!response.headersSent) sendJson(response, status, errorBody((error as Error).message, type));
      else response.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/v1`,
    port,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendHttpFault(
  response: ServerResponse,
  decision: FaultDecision,
  stats: MockServerStats,
  stream: boolean,
): boolean {
  switch (decision.kind) {
    case "rate-limit":
      stats.rateLimited += 1;
      sendJson(
        response,
        429,
        errorBody("Rate limit reached (mock)", "rate_limit_error", "rate_limit_exceeded"),
        {
          "retry-after": String(decision.retryAfterSeconds),
        },
      );
      return true;
    case "server-error":
      stats.serverErrors += 1;
      sendJson(response, 500, errorBody("The server had an error (mock)", "server_error"));
      return true;
    case "broken-body":
      stats.brokenBodies += 1;
      if (stream) {
        // A stream that stops without a finish reason, as when a connection is cut.
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.end(
          `data: ${JSON.stringify({ object: "chat.completion.chunk", choices: [] })}\n\ndata: [DONE]\n\n`,
        );
      } else {
        sendJson(response, 200, { object: "chat.completion", choices: [] });
      }
      return true;
    default:
      return false;
  }
}

/** A model mistake in place of the policy's answer; its call ids let replay skip the turn later. */
function malformed(
  kind: "bad-arguments" | "unknown-tool",
  turn: number,
  intended: AgentResponse,
): AgentResponse {
  const id = `${FAULT_ID_PREFIX}${turn}_1`;
  const text = `${FAULT_TEXT_PREFIX}: ${kind}]`;
  if (kind === "unknown-tool") return { text, toolCalls: [{ id, name: "no_such_tool", arguments: "{}" }] };
  const name = intended.toolCalls[0]?.name ?? "wait";
  return { text, toolCalls: [{ id, name, arguments: '{"broken": ' }] };
}

function modelList(): Record<string, unknown> {
  return {
    object: "list",
    data: POLICIES.map((policy) => ({
      id: `${MOCK_MODEL_PREFIX}${policy}`,
      object: "model",
      created: 0,
      owned_by: "asynctool",
    })),
  };
}
