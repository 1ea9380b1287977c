/** Every MathAPI call of the BFCL v3 base gold trace, results compared by value (the class is stateless). */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { mathDomain } from "./index.ts";

describeBfclConformance({ className: "MathAPI", domain: mathDomain, calls: 14 });
