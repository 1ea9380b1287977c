/** VehicleControlAPI against the recorded BFCL v3 base trace: results and states by value. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { vehicleDomain } from "./index.ts";

describeBfclConformance({
  className: "VehicleControlAPI",
  domain: vehicleDomain,
  calls: { moreThan: 300 },
  recordedConfigs: true,
});
