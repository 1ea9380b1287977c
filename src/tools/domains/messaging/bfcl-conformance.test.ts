/** MessageAPI against the recorded BFCL v3 base trace: results and states by value. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { messagingDomain } from "./index.ts";

describeBfclConformance({
  className: "MessageAPI",
  domain: messagingDomain,
  calls: { moreThan: 50 },
  recordedConfigs: true,
});
