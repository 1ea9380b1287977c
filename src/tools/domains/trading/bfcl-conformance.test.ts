/** TradingBot against the recorded BFCL v3 base trace and its function docs. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { tradingDomain } from "./index.ts";

describeBfclConformance({
  className: "TradingBot",
  domain: tradingDomain,
  calls: 224,
  starts: 50,
  signatures: true,
});
