/** TravelAPI against the recorded BFCL v3 base trace and its function docs. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { travelDomain } from "./index.ts";

describeBfclConformance({
  className: "TravelAPI",
  domain: travelDomain,
  calls: 204,
  starts: 50,
  signatures: true,
});
