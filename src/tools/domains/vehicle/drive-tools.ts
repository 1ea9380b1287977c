/**
 * Vehicle tools that act on the car: engine, fuel, doors, brakes, cruise control, lights and
 * climate, and the status display. Results and `{"error": …}` dictionaries follow upstream.
 */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import {
  ALL_DOOR_RESOURCES,
  DOOR_COUNT_RESOURCE,
  DoorName,
  doorResource,
  MAX_FUEL_LEVEL,
  type VehicleState,
} from "./state.ts";

export const startEngine = defineTool({
  name: "startEngine",
  description:
    "Start or stop the engine. Starting needs every door locked and the brake pedal pressed fully; " +
    "'STOP' marks the engine stopped before those checks run.",
  parameters: { ignitionMode: z.string().describe("'START' or 'STOP'.") },
  latency: "medium",
  mutates: true,
  resources: () => [
    "vehicle:engine",
    ...ALL_DOOR_RESOURCES,
    DOOR_COUNT_RESOURCE,
    "vehicle:brake-pedal",
    "vehicle:fuel",
    "vehicle:battery",
  ],
  run: (state: VehicleState, { ignitionMode }) => {
    if (ignitionMode === "STOP") state.engine_state = "stopped";
    if (state.remainingUnlockedDoors > 0) {
      const unlocked = Object.entries(state.doorStatus)
        .filter(([, status]) => status === "unlocked")
        .map(([door]) => door);
      return {
        error: `All doors must be locked before starting the engine. Here are the unlocked doors: ${unlocked.join(", ")}`,
      };
    }
    if (state.brakePedalStatus !== "pressed")
      return { error: "Brake pedal needs to be pressed when starting the engine." };
    if (state._brakePedalForce !== 1000)
      return { error: "Must press the brake fully before starting the engine." };
    if (state.fuelLevel < 0) return { error: "Fuel tank is empty." };
    if (ignitionMode !== "START") return { error: "Invalid ignition mode." };
    state.engine_state = "running";
    return {
      engineState: state.engine_state,
      fuelLevel: state.fuelLevel,
      batteryVoltage: state.batteryVoltage,
    };
  },
});

export const fillFuelTank = defineTool({
  name: "fillFuelTank",
  description: `Add fuel to the tank, in gallons. The tank holds at most ${MAX_FUEL_LEVEL} gallons.`,
  parameters: { fuelAmount: z.number().describe("Gallons to add (not the target level).") },
  latency: "slow",
  mutates: true,
  resources: () => ["vehicle:fuel"],
  run: (state: VehicleState, { fuelAmount }) => {
    if (fuelAmount < 0) return { error: "Fuel amount cannot be negative." };
    if (state.fuelLevel + fuelAmount > MAX_FUEL_LEVEL)
      return { error: "Cannot fill gas above the tank capacity." };
    if (state.fuelLevel + fuelAmount < 0)
      return { error: "Fuel tank is empty. Min fuel level is 0 gallons." };
    state.fuelLevel += fuelAmount;
    return { fuelLevel: state.fuelLevel };
  },
});

export const lockDoors = defineTool({
  name: "lockDoors",
  description:
    "Lock (unlock = false) or unlock (unlock = true) the listed doors; returns how many doors remain unlocked.",
  parameters: {
    unlock: z.boolean().describe("True to unlock the doors, false to lock them."),
    door: z.array(DoorName).describe("Doors to change: driver, passenger, rear_left, rear_right."),
  },
  latency: "fast",
  mutates: true,
  resources: ({ door }) => [...new Set(door)].map(doorResource).concat(DOOR_COUNT_RESOURCE),
  run: (state: VehicleState, { unlock, door }) => {
    const target = unlock ? "unlocked" : "locked";
    for (const name of door) {
      if (!Object.hasOwn(state.doorStatus, name)) throw new ToolError(`unknown door '${name}'`);
      if (state.doorStatus[name] === target) continue;
      state.doorStatus[name] = target;
      state.remainingUnlockedDoors += unlock ? 1 : -1;
    }
    return { lockStatus: target, remainingUnlockedDoors: state.remainingUnlockedDoors };
  },
});

export const adjustClimateControl = defineTool({
  name: "adjustClimateControl",
  description:
    "Set the air conditioning: temperature (stored in Celsius), fan speed 0–100 and mode. Omitted " +
    "fan speed and mode are reset to their defaults (50, 'auto').",
  parameters: {
    temperature: z.number().describe("Target temperature in the given unit."),
    unit: z.string().default("celsius").describe("'celsius' (default) or 'fahrenheit'."),
    fanSpeed: z.number().int().default(50).describe("Fan speed from 0 to 100 (default 50)."),
    mode: z.string().default("auto").describe("'auto' (default), 'cool', 'heat' or 'defrost'."),
  },
  latency: "medium",
  mutates: true,
  resources: () => ["vehicle:climate"],
  run: (state: VehicleState, { temperature, unit, fanSpeed, mode }) => {
    if (!(fanSpeed >= 0 && fanSpeed <= 100)) return { error: "Fan speed must be between 0 and 100." };
    state.acTemperature = unit === "fahrenheit" ? ((temperature - 32) * 5) / 9 : temperature;
    state.fanSpeed = fanSpeed;
    state.acMode = mode;
    // Upstream reports the temperature as given, not the stored Celsius value.
    return { currentACTemperature: temperature, climateMode: mode, humidityLevel: state.humidityLevel };
  },
});

export const setHeadlights = defineTool({
  name: "setHeadlights",
  description: "Switch the headlights: 'on', 'off' or 'auto' ('auto' leaves them off).",
  parameters: { mode: z.string().describe("'on', 'off' or 'auto'.") },
  latency: "fast",
  mutates: true,
  resources: () => ["vehicle:headlights"],
  run: (state: VehicleState, { mode }) => {
    if (mode !== "on" && mode !== "off" && mode !== "auto") return { error: "Invalid headlight mode." };
    state.headLightStatus = mode === "on" ? "on" : "off";
    return { headlightStatus: state.headLightStatus };
  },
});

export const activateParkingBrake = defineTool({
  name: "activateParkingBrake",
  description: "Engage or release the parking brake.",
  parameters: { mode: z.string().describe("'engage' or 'release'.") },
  latency: "medium",
  mutates: true,
  resources: () => ["vehicle:parking-brake"],
  run: (state: VehicleState, { mode }) => {
    if (mode !== "engage" && mode !== "release") return { error: "Invalid mode" };
    state.parkingBrakeStatus = mode === "engage" ? "engaged" : "released";
    state._parkingBrakeForce = mode === "engage" ? 500 : 0;
    state._slopeAngle = 10;
    return {
      parkingBrakeStatus: state.parkingBrakeStatus,
      _parkingBrakeForce: state._parkingBrakeForce,
      _slopeAngle: state._slopeAngle,
    };
  },
});

export const pressBrakePedal = defineTool({
  name: "pressBrakePedal",
  description:
    "Press the brake pedal to a position from 0 (released) to 1 (fully pressed); it stays there until released.",
  parameters: { pedalPosition: z.number().describe("Pedal position between 0 and 1.") },
  latency: "fast",
  mutates: true,
  resources: () => ["vehicle:brake-pedal"],
  run: (state: VehicleState, { pedalPosition }) => {
    if (!(pedalPosition >= 0 && pedalPosition <= 1))
      return { error: "Pedal position must be between 0 and 1." };
    const force = pedalPosition * 1000;
    state.brakePedalStatus = pedalPosition === 0 ? "released" : "pressed";
    state._brakePedalForce = force;
    return { brakePedalStatus: state.brakePedalStatus, brakePedalForce: force };
  },
});

export const releaseBrakePedal = defineTool({
  name: "releaseBrakePedal",
  description: "Release the brake pedal completely.",
  parameters: {},
  latency: "fast",
  mutates: true,
  resources: () => ["vehicle:brake-pedal"],
  run: (state: VehicleState) => {
    state.brakePedalStatus = "released";
    state._brakePedalForce = 0;
    return { brakePedalStatus: "released", brakePedalForce: 0 };
  },
});

export const setCruiseControl = defineTool({
  name: "setCruiseControl",
  description:
    "Turn cruise control on or off with a target speed (0–120, a multiple of 5) and a following distance " +
    "in metres. The engine must be running. The distance is stored even when the speed is rejected.",
  parameters: {
    speed: z.number().describe("Target speed, 0–120 in steps of 5."),
    activate: z.boolean().describe("True to activate, false to deactivate."),
    distanceToNextVehicle: z.number().describe("Distance to keep to the vehicle ahead, in metres."),
  },
  latency: "medium",
  mutates: true,
  resources: () => ["vehicle:cruise", "vehicle:engine"],
  run: (state: VehicleState, { speed, activate, distanceToNextVehicle }) => {
    if (state.engine_state === "stopped")
      return { error: "Start the engine before activating the cruise control." };
    state.distanceToNextVehicle = distanceToNextVehicle;
    if (activate && (speed < 0 || speed > 120 || speed % 5 !== 0)) return { error: "Invalid speed" };
    state.cruiseStatus = activate ? "active" : "inactive";
    return { cruiseStatus: state.cruiseStatus, currentSpeed: speed, distanceToNextVehicle };
  },
});

const STATUS_RESOURCES: Record<string, string[]> = {
  fuel: ["vehicle:fuel"],
  battery: ["vehicle:battery"],
  doors: ALL_DOOR_RESOURCES,
  climate: ["vehicle:climate"],
  headlights: ["vehicle:headlights"],
  parkingBrake: ["vehicle:parking-brake"],
  brakePedal: ["vehicle:brake-pedal"],
  engine: ["vehicle:engine"],
};

export const displayCarStatus = defineTool({
  name: "displayCarStatus",
  description:
    "Show one part of the car's status: 'fuel', 'battery', 'doors', 'climate', 'headlights', " +
    "'parkingBrake', 'brakePedal' or 'engine'.",
  parameters: { option: z.string().describe("Which status to show.") },
  latency: "fast",
  mutates: false,
  resources: ({ option }) =>
    Object.hasOwn(STATUS_RESOURCES, option) ? (STATUS_RESOURCES[option] ?? []) : [],
  run: (state: VehicleState, { option }) => {
    switch (option) {
      case "fuel":
        return { fuelLevel: state.fuelLevel };
      case "battery":
        return { batteryVoltage: state.batteryVoltage };
      case "doors":
        return { doorStatus: structuredClone(state.doorStatus) };
      case "climate":
        return {
          currentACTemperature: state.acTemperature,
          fanSpeed: state.fanSpeed,
          climateMode: state.acMode,
          humidityLevel: state.humidityLevel,
        };
      case "headlights":
        return { headlightStatus: state.headLightStatus };
      case "parkingBrake":
        return {
          parkingBrakeStatus: state.parkingBrakeStatus,
          parkingBrakeForce: state._parkingBrakeForce,
          slopeAngle: state._slopeAngle,
        };
      case "brakePedal":
        return { brakePedalStatus: state.brakePedalStatus, brakePedalForce: state._brakePedalForce };
      case "engine":
        return { engineState: state.engine_state };
      default:
        return { error: "Invalid option" };
    }
  },
});

export const DRIVE_TOOLS = [
  startEngine,
  fillFuelTank,
  lockDoors,
  adjustClimateControl,
  setHeadlights,
  displayCarStatus,
  activateParkingBrake,
  pressBrakePedal,
  releaseBrakePedal,
  setCruiseControl,
];
