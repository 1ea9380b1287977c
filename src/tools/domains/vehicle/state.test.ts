import { describe, expect, it } from "vitest";
import { PythonRandom } from "../../../core/python-random.ts";
import { initialState } from "../../domain.ts";
import { vehicleDomain } from "./index.ts";
import { DEFAULT_VEHICLE_SEED, drawUniform, VehicleState } from "./state.ts";

describe("VehicleState config", () => {
  it("fills upstream's class defaults", () => {
    const state = VehicleState.parse({});
    expect(state).toMatchObject({
      fuelLevel: 0,
      batteryVoltage: 12.6,
      engine_state: "stopped",
      remainingUnlockedDoors: 4,
      doorStatus: {
        driver: "unlocked",
        passenger: "unlocked",
        rear_left: "unlocked",
        rear_right: "unlocked",
      },
      acTemperature: 25,
      fanSpeed: 50,
      acMode: "auto",
      humidityLevel: 50,
      headLightStatus: "off",
      parkingBrakeStatus: "released",
      brakePedalStatus: "released",
      distanceToNextVehicle: 50,
      cruiseStatus: "inactive",
      destination: "None",
      frontLeftTirePressure: 32,
      frontRightTirePressure: 32,
      rearLeftTirePressure: 30,
      rearRightTirePressure: 30,
      long_context: false,
      _parkingBrakeForce: 0,
      _slopeAngle: 0,
      _brakePedalForce: 0,
    });
    expect(state._random).toEqual(PythonRandom.seeded(DEFAULT_VEHICLE_SEED).getState());
  });

  it("maps BFCL initial_config spellings onto the attributes", () => {
    const state = VehicleState.parse({
      engineState: "running",
      parkingBrakeForce: 100,
      slopeAngle: 20,
      brakePedalForce: 1000,
      random_seed: 7,
    });
    expect(state.engine_state).toBe("running");
    expect(state._parkingBrakeForce).toBe(100);
    expect(state._slopeAngle).toBe(20);
    expect(state._brakePedalForce).toBe(1000);
    expect(state._random).toEqual(PythonRandom.seeded(7).getState());
    expect(state).not.toHaveProperty("random_seed");
    expect(state).not.toHaveProperty("engineState");
  });

  it("recomputes the unlocked-door count from the door map, as upstream does on load", () => {
    const state = VehicleState.parse({
      remainingUnlockedDoors: 4,
      doorStatus: { driver: "locked", passenger: "locked", rear_left: "unlocked", rear_right: "locked" },
    });
    expect(state.remainingUnlockedDoors).toBe(1);
  });

  it("accepts its own full state unchanged (JSON round trip)", () => {
    const state = VehicleState.parse({ fuelLevel: 12, random_seed: 3 });
    drawUniform(state, 0, 1);
    const copy = JSON.parse(JSON.stringify(state));
    expect(VehicleState.parse(copy)).toEqual(state);
  });

  it("rejects unknown fields, bad values and long-context mode with the field named", () => {
    expect(() => initialState(vehicleDomain, { fuel: 3 }, "scenario.json")).toThrow(/scenario\.json/);
    expect(() => VehicleState.parse({ doorStatus: { driver: "open" } })).toThrow();
    expect(() => VehicleState.parse({ long_context: true })).toThrow(/long_context/);
  });
});

describe("drawUniform", () => {
  it("continues CPython's random.Random(seed).uniform sequence and stores the stream", () => {
    const state = VehicleState.parse({});
    // CPython: r = random.Random(141053); r.uniform(-10.0, 40.0); r.uniform(0.0, 120.0)
    expect(drawUniform(state, -10, 40)).toBe(36.63485703790535);
    expect(drawUniform(state, 0, 120)).toBe(99.11925428879405);
  });
});
