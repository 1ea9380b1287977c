/** GorillaFileSystem against the recorded BFCL v3 base trace; a listing's order is observable, so key order counts. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { filesystemDomain } from "./index.ts";

describeBfclConformance({
  className: "GorillaFileSystem",
  domain: filesystemDomain,
  calls: { moreThan: 200 },
  keyOrder: true,
  signatures: true,
});
