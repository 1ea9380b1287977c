import { z } from "zod";
import { defineDomain } from "../../domain.ts";
import { basicTools } from "./basic-tools.ts";
import { type MathState, mathApiTools } from "./math-api-tools.ts";

export { NESTFUL_MATH_TOOLS } from "./basic-tools.ts";
export type { MathState } from "./math-api-tools.ts";

/** Stateless arithmetic: BFCL's MathAPI plus NESTFUL's basic functions (prefixed `basic_`). */
export const mathDomain = defineDomain<MathState>({
  name: "math",
  description:
    "Stateless arithmetic, statistics, unit conversion and elementary geometry. Every call is a pure computation.",
  config: z.strictObject({}) as unknown as z.ZodType<MathState, unknown>,
  tools: [...mathApiTools, ...basicTools],
});
