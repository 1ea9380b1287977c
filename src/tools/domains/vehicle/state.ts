/**
 * State of the vehicle domain: BFCL v3 VehicleControlAPI. Public fields carry upstream's attribute
 * names and shapes as the recorded BFCL trace writes them; `_`-prefixed fields are upstream's
 * private attributes (brake forces, slope angle) and the CPython `random.Random` stream behind
 * the sensor readings.
 */
import { z } from "zod";
import { PythonRandom, pythonRandomStateSchema } from "../../../core/python-random.ts";

export const DOOR_NAMES = ["driver", "passenger", "rear_left", "rear_right"] as const;
export const DoorName = z.enum(DOOR_NAMES);
export type DoorName = z.infer<typeof DoorName>;
const LockState = z.enum(["locked", "unlocked"]);

export const MAX_FUEL_LEVEL = 50;
export const MILES_PER_GALLON = 20;
/** Upstream's default seed for the sensor readings. */
export const DEFAULT_VEHICLE_SEED = 141053;

/** BFCL `initial_config` spellings that differ from the attribute names. */
const CONFIG_ALIASES: Record<string, string> = {
  engineState: "engine_state",
  parkingBrakeForce: "_parkingBrakeForce",
  slopeAngle: "_slopeAngle",
  brakePedalForce: "_brakePedalForce",
};

const Fields = z.strictObject({
  random_seed: z.number().int().optional(),
  _random: pythonRandomStateSchema.optional(),
  fuelLevel: z.number().default(0),
  batteryVoltage: z.number().default(12.6),
  engine_state: z.string().default("stopped"),
  /** Accepted for compatibility; recomputed from doorStatus as upstream does on load. */
  remainingUnlockedDoors: z.number().int().optional(),
  doorStatus: z.record(DoorName, LockState).default({
    driver: "unlocked",
    passenger: "unlocked",
    rear_left: "unlocked",
    rear_right: "unlocked",
  }),
  acTemperature: z.number().default(25),
  fanSpeed: z.number().default(50),
  acMode: z.string().default("auto"),
  humidityLevel: z.number().default(50),
  headLightStatus: z.string().default("off"),
  parkingBrakeStatus: z.string().default("released"),
  _parkingBrakeForce: z.number().default(0),
  _slopeAngle: z.number().default(0),
  brakePedalStatus: z.string().default("released"),
  _brakePedalForce: z.number().default(0),
  distanceToNextVehicle: z.number().default(50),
  cruiseStatus: z.string().default("inactive"),
  /** Upstream writes the string "None" when no destination is set. */
  destination: z.string().default("None"),
  frontLeftTirePressure: z.number().default(32),
  frontRightTirePressure: z.number().default(32),
  rearLeftTirePressure: z.number().default(30),
  rearRightTirePressure: z.number().default(30),
  /** Upstream's long-context mode pads results with filler text; it is not modelled. */
  long_context: z.literal(false, { error: "long_context mode is not supported" }).default(false),
});

/**
 * Partial config → full state. Accepts a BFCL `initial_config.VehicleControlAPI` object (with its
 * `engineState`, `parkingBrakeForce`, … spellings and `random_seed`) or a recorded state;
 * missing fields take upstream's class defaults.
 */
export const VehicleState = z.preprocess(
  (input) => {
    if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
    const renamed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) renamed[CONFIG_ALIASES[key] ?? key] = value;
    return renamed;
  },
  Fields.transform(({ random_seed, _random, remainingUnlockedDoors: _ignored, ...fields }) => ({
    ...fields,
    // Upstream counts from four doors, whatever the door map holds.
    remainingUnlockedDoors:
      4 - Object.values(fields.doorStatus).filter((status) => status === "locked").length,
    _random: _random ?? PythonRandom.seeded(random_seed ?? DEFAULT_VEHICLE_SEED).getState(),
  })),
);
export type VehicleState = z.infer<typeof VehicleState>;

/** Draw `uniform(low, high)` from the state's stream and store the advanced stream back. */
export function drawUniform(state: VehicleState, low: number, high: number): number {
  const random = PythonRandom.fromState(state._random);
  const value = random.uniform(low, high);
  state._random = random.getState();
  return value;
}

export const doorResource = (door: DoorName): string => `vehicle:door:${door}`;
export const ALL_DOOR_RESOURCES = DOOR_NAMES.map(doorResource);
/** The unlocked-door count every lock call returns, so lock calls depend on each other's order. */
export const DOOR_COUNT_RESOURCE = "vehicle:door-count";
/** The shared random stream behind sensor readings: readers depend on each other's order. */
export const RANDOM_RESOURCE = "vehicle:random";
