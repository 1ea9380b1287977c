/** TwitterAPI against the recorded BFCL v3 base trace and its function docs. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { socialDomain } from "./index.ts";

describeBfclConformance({
  className: "TwitterAPI",
  domain: socialDomain,
  calls: { moreThan: 50 },
  signatures: true,
});
