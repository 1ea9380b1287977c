/** The scriptable OpenAI-compatible mock server (tests, demo, benchmarks). */
export { type FaultKind, type FaultRule, type FaultRuleInput, parseFaultHeader } from "./faults.ts";
export { POLICIES, type PolicyName } from "./policy-replay.ts";
export { type MockServer, type MockServerOptions, type MockServerStats, startMockServer } from "./server.ts";
