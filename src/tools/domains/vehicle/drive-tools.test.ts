import { describe, expect, it } from "vitest";
import type { AnyTool } from "../../tool.ts";
import { vehicleDomain } from "./index.ts";
import { VehicleState } from "./state.ts";

function tool(name: string): AnyTool {
  const found = vehicleDomain.tools.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
}

function call(state: VehicleState, name: string, args: Record<string, unknown> = {}): unknown {
  const target = tool(name);
  return target.run(state, target.parameters.parse(args), { time: 0 });
}

const ALL_DOORS = ["driver", "passenger", "rear_left", "rear_right"];

/** A car ready to start: doors locked, brake pedal pressed fully. */
function readyCar(config: Record<string, unknown> = {}): VehicleState {
  const state = VehicleState.parse({ fuelLevel: 10, ...config });
  call(state, "lockDoors", { unlock: false, door: ALL_DOORS });
  call(state, "pressBrakePedal", { pedalPosition: 1 });
  return state;
}

describe("startEngine", () => {
  it("starts a ready car and reports fuel and battery", () => {
    const state = readyCar();
    expect(call(state, "startEngine", { ignitionMode: "START" })).toEqual({
      engineState: "running",
      fuelLevel: 10,
      batteryVoltage: 12.6,
    });
    expect(state.engine_state).toBe("running");
  });

  it("names the unlocked doors", () => {
    const state = VehicleState.parse({});
    call(state, "lockDoors", { unlock: false, door: ["driver", "rear_left"] });
    expect(call(state, "startEngine", { ignitionMode: "START" })).toEqual({
      error:
        "All doors must be locked before starting the engine. Here are the unlocked doors: passenger, rear_right",
    });
  });

  it("needs the brake pedal pressed, and pressed fully", () => {
    const state = readyCar();
    call(state, "releaseBrakePedal");
    expect(call(state, "startEngine", { ignitionMode: "START" })).toEqual({
      error: "Brake pedal needs to be pressed when starting the engine.",
    });
    call(state, "pressBrakePedal", { pedalPosition: 0.5 });
    expect(call(state, "startEngine", { ignitionMode: "START" })).toEqual({
      error: "Must press the brake fully before starting the engine.",
    });
  });

  it("refuses a negative fuel level and unknown modes; STOP stops before the checks", () => {
    expect(call(readyCar({ fuelLevel: -1 }), "startEngine", { ignitionMode: "START" })).toEqual({
      error: "Fuel tank is empty.",
    });
    expect(call(readyCar(), "startEngine", { ignitionMode: "IDLE" })).toEqual({
      error: "Invalid ignition mode.",
    });
    const running = VehicleState.parse({ engineState: "running" });
    expect(call(running, "startEngine", { ignitionMode: "STOP" })).toHaveProperty("error");
    expect(running.engine_state).toBe("stopped");
  });
});

describe("fillFuelTank", () => {
  it("adds gallons up to the 50-gallon tank", () => {
    const state = VehicleState.parse({ fuelLevel: 7.5 });
    expect(call(state, "fillFuelTank", { fuelAmount: 15 })).toEqual({ fuelLevel: 22.5 });
    expect(call(state, "fillFuelTank", { fuelAmount: 27.5 })).toEqual({ fuelLevel: 50 });
  });

  it.each([
    [{ fuelLevel: 10 }, -1, "Fuel amount cannot be negative."],
    [{ fuelLevel: 45 }, 6, "Cannot fill gas above the tank capacity."],
    [{ fuelLevel: -5 }, 1, "Fuel tank is empty. Min fuel level is 0 gallons."],
  ])("%o + %d → %s", (config, fuelAmount, error) => {
    const state = VehicleState.parse(config);
    expect(call(state, "fillFuelTank", { fuelAmount })).toEqual({ error });
    expect(state.fuelLevel).toBe(config.fuelLevel);
  });
});

describe("lockDoors", () => {
  it("locks and unlocks doors, counting each change once", () => {
    const state = VehicleState.parse({});
    expect(call(state, "lockDoors", { unlock: false, door: ["driver", "driver", "passenger"] })).toEqual({
      lockStatus: "locked",
      remainingUnlockedDoors: 2,
    });
    expect(call(state, "lockDoors", { unlock: true, door: ["driver", "rear_left"] })).toEqual({
      lockStatus: "unlocked",
      remainingUnlockedDoors: 3,
    });
    expect(state.doorStatus).toEqual({
      driver: "unlocked",
      passenger: "locked",
      rear_left: "unlocked",
      rear_right: "unlocked",
    });
  });

  it("rejects unknown doors and names the doors it touches", () => {
    expect(() => tool("lockDoors").parameters.parse({ unlock: true, door: ["trunk"] })).toThrow();
    const resources = tool("lockDoors").resources(
      { unlock: true, door: ["driver", "driver"] },
      VehicleState.parse({}),
    );
    expect(resources).toEqual(["vehicle:door:driver", "vehicle:door-count"]);
  });
});

describe("adjustClimateControl", () => {
  it("stores Celsius, reports the temperature as given, resets omitted fan speed and mode", () => {
    const state = VehicleState.parse({ fanSpeed: 70, acMode: "heat", humidityLevel: 45 });
    expect(call(state, "adjustClimateControl", { temperature: 70, unit: "fahrenheit" })).toEqual({
      currentACTemperature: 70,
      climateMode: "auto",
      humidityLevel: 45,
    });
    expect(state.acTemperature).toBe(21.11111111111111); // (70 - 32) * 5 / 9 in CPython
    expect(state.fanSpeed).toBe(50);
    call(state, "adjustClimateControl", { temperature: 18, fanSpeed: 20, mode: "cool" });
    expect([state.acTemperature, state.fanSpeed, state.acMode]).toEqual([18, 20, "cool"]);
  });

  it("rejects a fan speed outside 0–100 without changing anything", () => {
    const state = VehicleState.parse({});
    expect(call(state, "adjustClimateControl", { temperature: 20, fanSpeed: 101 })).toEqual({
      error: "Fan speed must be between 0 and 100.",
    });
    expect(state.acTemperature).toBe(25);
  });
});

describe("lights, brakes and cruise control", () => {
  it("sets headlights; 'auto' means off; other modes are errors", () => {
    const state = VehicleState.parse({});
    expect(call(state, "setHeadlights", { mode: "on" })).toEqual({ headlightStatus: "on" });
    expect(call(state, "setHeadlights", { mode: "auto" })).toEqual({ headlightStatus: "off" });
    expect(call(state, "setHeadlights", { mode: "dim" })).toEqual({ error: "Invalid headlight mode." });
    expect(state.headLightStatus).toBe("off");
  });

  it("engages and releases the parking brake", () => {
    const state = VehicleState.parse({});
    expect(call(state, "activateParkingBrake", { mode: "engage" })).toEqual({
      parkingBrakeStatus: "engaged",
      _parkingBrakeForce: 500,
      _slopeAngle: 10,
    });
    expect(call(state, "activateParkingBrake", { mode: "release" })).toEqual({
      parkingBrakeStatus: "released",
      _parkingBrakeForce: 0,
      _slopeAngle: 10,
    });
    expect(call(state, "activateParkingBrake", { mode: "hold" })).toEqual({ error: "Invalid mode" });
  });

  it("presses the brake pedal proportionally; 0 releases; out of range is an error", () => {
    const state = VehicleState.parse({});
    expect(call(state, "pressBrakePedal", { pedalPosition: 0.25 })).toEqual({
      brakePedalStatus: "pressed",
      brakePedalForce: 250,
    });
    expect(call(state, "pressBrakePedal", { pedalPosition: 0 })).toEqual({
      brakePedalStatus: "released",
      brakePedalForce: 0,
    });
    expect(call(state, "pressBrakePedal", { pedalPosition: 1.5 })).toEqual({
      error: "Pedal position must be between 0 and 1.",
    });
    call(state, "pressBrakePedal", { pedalPosition: 1 });
    expect(call(state, "releaseBrakePedal")).toEqual({ brakePedalStatus: "released", brakePedalForce: 0 });
    expect(state._brakePedalForce).toBe(0);
  });

  it("sets cruise control only with the engine running and a valid speed", () => {
    const stopped = VehicleState.parse({});
    expect(
      call(stopped, "setCruiseControl", { speed: 60, activate: true, distanceToNextVehicle: 80 }),
    ).toEqual({
      error: "Start the engine before activating the cruise control.",
    });
    const state = VehicleState.parse({ engineState: "running" });
    expect(
      call(state, "setCruiseControl", { speed: 65, activate: true, distanceToNextVehicle: 100 }),
    ).toEqual({
      cruiseStatus: "active",
      currentSpeed: 65,
      distanceToNextVehicle: 100,
    });
    expect(call(state, "setCruiseControl", { speed: 63, activate: true, distanceToNextVehicle: 40 })).toEqual(
      {
        error: "Invalid speed",
      },
    );
    expect(state.distanceToNextVehicle).toBe(40); // stored before the speed check, as upstream does
    expect(call(state, "setCruiseControl", { speed: 0, activate: false, distanceToNextVehicle: 30 })).toEqual(
      {
        cruiseStatus: "inactive",
        currentSpeed: 0,
        distanceToNextVehicle: 30,
      },
    );
  });
});

describe("displayCarStatus", () => {
  const state = VehicleState.parse({
    fuelLevel: 12,
    acTemperature: 22,
    fanSpeed: 70,
    parkingBrakeForce: 15.3,
  });
  it.each([
    ["fuel", { fuelLevel: 12 }],
    ["battery", { batteryVoltage: 12.6 }],
    [
      "doors",
      {
        doorStatus: {
          driver: "unlocked",
          passenger: "unlocked",
          rear_left: "unlocked",
          rear_right: "unlocked",
        },
      },
    ],
    ["climate", { currentACTemperature: 22, fanSpeed: 70, climateMode: "auto", humidityLevel: 50 }],
    ["headlights", { headlightStatus: "off" }],
    ["parkingBrake", { parkingBrakeStatus: "released", parkingBrakeForce: 15.3, slopeAngle: 0 }],
    ["brakePedal", { brakePedalStatus: "released", brakePedalForce: 0 }],
    ["engine", { engineState: "stopped" }],
    ["brakePadle", { error: "Invalid option" }],
  ])("%s", (option, expected) => {
    expect(call(state, "displayCarStatus", { option })).toEqual(expected);
  });

  it("returns a copy of the door map, not the state's own object", () => {
    const result = call(state, "displayCarStatus", { option: "doors" }) as {
      doorStatus: Record<string, string>;
    };
    result.doorStatus.driver = "locked";
    expect(state.doorStatus.driver).toBe("unlocked");
  });
});

describe("drive tools: contract", () => {
  it("marks every actuator as mutating and the display as a read", () => {
    const reads = ["displayCarStatus"];
    for (const name of [
      "startEngine",
      "fillFuelTank",
      "lockDoors",
      "adjustClimateControl",
      "setCruiseControl",
    ]) {
      expect(tool(name).mutates).toBe(true);
    }
    for (const name of reads) expect(tool(name).mutates).toBe(false);
    expect(tool("startEngine").latency).toBe("medium");
    expect(tool("fillFuelTank").latency).toBe("slow");
    expect(tool("displayCarStatus").latency).toBe("fast");
    expect(tool("startEngine").resources({ ignitionMode: "START" }, VehicleState.parse({}))).toContain(
      "vehicle:engine",
    );
    expect(tool("displayCarStatus").resources({ option: "fuel" }, VehicleState.parse({}))).toEqual([
      "vehicle:fuel",
    ]);
    expect(tool("displayCarStatus").resources({ option: "toString" }, VehicleState.parse({}))).toEqual([]);
  });

  it("is deterministic: the same calls on the same config give the same results and state", () => {
    const script = (state: VehicleState) => [
      call(state, "lockDoors", { unlock: false, door: ALL_DOORS }),
      call(state, "pressBrakePedal", { pedalPosition: 1 }),
      call(state, "startEngine", { ignitionMode: "START" }),
      call(state, "fillFuelTank", { fuelAmount: 20 }),
      call(state, "setCruiseControl", { speed: 70, activate: true, distanceToNextVehicle: 60 }),
    ];
    const first = VehicleState.parse({ fuelLevel: 5 });
    const second = VehicleState.parse({ fuelLevel: 5 });
    expect(script(first)).toEqual(script(second));
    expect(first).toEqual(second);
  });
});
