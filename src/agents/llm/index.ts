/** The model adapter layer (DESIGN §8): contract, converters, transports, capability table, agent. */
export {
  ADAPTER_VERSION,
  type ModelAdapter,
  type ModelRequest,
  type ModelResponse,
  type ParsedResponse,
} from "./adapter.ts";
export { type AdapterOptions, type CreatedAdapter, createModelAdapter } from "./create-adapter.ts";
export { type LlmAgentOptions, llmAgentFactory } from "./llm-agent.ts";
export { type ModelId, PROVIDERS, parseModelId } from "./model-id.ts";
export { costUsd, lookupModel, MODELS, type ModelEntry, PRICES_AS_OF } from "./models.ts";
export { countUnparseableCalls, PROMPT_MODE_VERSION } from "./prompt-mode.ts";
export { DEFAULT_RETRY_POLICY, type RetryPolicy, redact } from "./retry.ts";
