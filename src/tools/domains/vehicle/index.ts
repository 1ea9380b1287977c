/**
 * The vehicle domain: BFCL v3 VehicleControlAPI (22 functions): engine, fuel, doors, brakes,
 * cruise control, lights, climate, navigation, tyres, sensor readings and a small zipcode and
 * distance table. Names, parameters, defaults, results and `{"error": …}` dictionaries follow
 * upstream at commit ea13468e; descriptions are ours.
 *
 * Resources: `vehicle:engine`, `vehicle:fuel`, `vehicle:battery`, `vehicle:door:<door>`
 * (`vehicle:door` = all four), `vehicle:door-count` (the unlocked-door count every lock call
 * reports), `vehicle:brake-pedal`, `vehicle:parking-brake`, `vehicle:cruise`, `vehicle:climate`,
 * `vehicle:headlights`, `vehicle:navigation`, `vehicle:tires`, and `vehicle:random` for the
 * readings drawn from the car's CPython `random.Random` stream (seed 141053 unless configured).
 *
 * Known deviations from upstream: long-context mode (filler text in results) is not modelled
 * and a config asking for it is rejected; lockDoors only accepts the four real door names
 * (upstream fails with a KeyError on others).
 */
import { defineDomain } from "../../domain.ts";
import { DRIVE_TOOLS } from "./drive-tools.ts";
import { INFO_TOOLS } from "./info-tools.ts";
import { VehicleState } from "./state.ts";

export const vehicleDomain = defineDomain<VehicleState>({
  name: "vehicle",
  description:
    "A car: start the engine, lock doors, brake, refuel, set cruise control, lights, climate and " +
    "navigation, read sensors and tyre pressure, and look up zipcodes and distances between cities.",
  config: VehicleState,
  tools: [...DRIVE_TOOLS, ...INFO_TOOLS],
});

export type { VehicleState } from "./state.ts";
