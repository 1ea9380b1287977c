import type { Rng } from "../../core/rng.ts";
import type { Step } from "../schema.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

/**
 * Vehicle tasks (BFCL VehicleControlAPI port). There is one car, so tasks stay composable by
 * touching different parts of it: pure look-ups (zipcodes, distances, conversions) touch nothing,
 * the others keep to one or two subsystems (fuel, climate, navigation, parking brake and lights).
 * The engine-start template takes every door and the door count and so composes rarely.
 */

/** City pairs the distance table knows (the car's default state: an empty tank, doors unlocked). */
const ROUTES: ReadonlyArray<[string, string]> = [
  ["Rivermist", "Stonebrook"],
  ["Maplecrest", "Silverpine"],
  ["Shadowridge", "Sunset Valley"],
  ["Oakendale", "Willowbend"],
  ["Crescent Hollow", "Autumnville"],
  ["San Francisco", "Rivermist"],
  ["Silverpine", "Oakendale"],
  ["San Francisco", "Silverpine"],
  ["Stonebrook", "San Francisco"],
];
const STREETS = ["Elm Street", "Harbor Road", "Birch Lane", "Quarry Way", "Mill Avenue", "Orchard Drive"];
const STATES = ["CA", "OR", "WA", "NV", "AZ"];
/** A fixed state per city, so an address never moves a city between states. */
const stateOf = (city: string) =>
  city === "San Francisco" ? "CA" : (STATES[city.length % STATES.length] as string);
const DOORS = ["driver", "passenger", "rear_left", "rear_right"] as const;
const REMINDERS = [
  "Pick up groceries",
  "Call the garage",
  "Charge the phone",
  "Buy a parking permit",
  "Return the library books",
  "Check the wiper fluid",
  "Book a car wash",
  "Collect the dry cleaning",
];

/** A route drawn in either direction. */
function route(rng: Rng): [string, string] {
  const [a, b] = rng.pick(ROUTES);
  return rng.next() < 0.5 ? [a, b] : [b, a];
}

/** zipcode(from), zipcode(to) → distance, as steps s{first}..s{first+2}: every routing template starts so. */
function distanceSteps(from: string, to: string, first = 1): Step[] {
  const [a, b, c] = [`s${first}`, `s${first + 1}`, `s${first + 2}`];
  return [
    { id: a, tool: "get_zipcode_based_on_city", args: { city: from } },
    { id: b, tool: "get_zipcode_based_on_city", args: { city: to } },
    {
      id: c,
      tool: "estimate_distance",
      args: { cityA: ref(`${a}.result.zipcode`), cityB: ref(`${b}.result.zipcode`) },
    },
  ];
}

const templates: TaskTemplate[] = [
  {
    id: "vehicle/route-distance",
    pattern: "fan-in",
    build: (rng) => {
      const [from, to] = route(rng);
      return {
        instruction: phrase(
          rng,
          [
            "How far is it by road from {from} to {to}? Look up both zipcodes and then the distance between them.",
            "Find the zipcodes of {from} and {to} and tell me the driving distance between the two in km.",
            "I'm planning a drive from {from} to {to}. Get each city's zipcode, then estimate the distance.",
          ],
          { from, to },
        ),
        plan: distanceSteps(from, to),
        answer: ref("s3.result.distance"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "vehicle/navigate-to-city",
    pattern: "mixed",
    build: (rng) => {
      const [from, to] = route(rng);
      const address = `${rng.int(10, 990)} ${rng.pick(STREETS)}, ${to}, ${stateOf(to)}`;
      return {
        instruction: phrase(
          rng,
          [
            "We are in {from}. Work out the road distance to {to} from the two zipcodes, then set the navigation to {address} and tell me the distance.",
            "Estimate how many km it is from {from} to {to} (look up both zipcodes first). Once you know, start navigating to {address}.",
            "Before heading to {address}, check the distance between {from} and {to} using their zipcodes; then set that address as the destination.",
          ],
          { from, to, address },
        ),
        plan: [
          ...distanceSteps(from, to),
          { id: "s4", tool: "set_navigation", args: { destination: address }, after: ["s3"] },
        ],
        answer: ref("s3.result.distance"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "vehicle/trip-feasibility",
    pattern: "mixed",
    build: (rng) => {
      const [from, to] = route(rng);
      const gallons = rng.int(5, 45);
      return {
        instruction: phrase(
          rng,
          [
            "Put {gallons} gallons in the tank. Meanwhile find the distance from {from} to {to} via their zipcodes, and once the tank is filled check whether we can drive that far (use the km figure as miles, to be safe).",
            "Add {gallons} gallons of fuel, look up the road distance between {from} and {to}, then tell me if the fuel covers that distance (treat the km number as miles for a conservative check).",
            "Refuel with {gallons} gallons. Then, with the {from}–{to} distance from the zipcode lookup taken as miles, can the car make the trip?",
          ],
          { gallons, from, to },
        ),
        plan: [
          { id: "s1", tool: "fillFuelTank", args: { fuelAmount: gallons } },
          ...distanceSteps(from, to, 2),
          {
            id: "s5",
            tool: "estimate_drive_feasibility_by_mileage",
            args: { distance: ref("s4.result.distance") },
            after: ["s1"],
          },
        ],
        answer: ref("s5.result.canDrive"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "vehicle/fuel-in-litres",
    pattern: "chain",
    build: (rng) => {
      const litres = rng.int(10, 180);
      return {
        instruction: phrase(
          rng,
          [
            "I bought {litres} litres of fuel. Convert that to gallons, put exactly that amount in the tank, and tell me the fuel level afterwards.",
            "Fill the tank with {litres} L: the pump works in gallons, so convert first, then report the new fuel level.",
            "Convert {litres} litres to gallons, add that much fuel, then show the fuel status.",
          ],
          { litres },
        ),
        plan: [
          { id: "s1", tool: "liter_to_gallon", args: { liter: litres } },
          { id: "s2", tool: "fillFuelTank", args: { fuelAmount: ref("s1.result.gallon") } },
          { id: "s3", tool: "displayCarStatus", args: { option: "fuel" }, after: ["s2"] },
        ],
        answer: ref("s3.result.fuelLevel"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "vehicle/climate-setting",
    pattern: "chain",
    build: (rng) => {
      const fahrenheit = rng.next() < 0.5;
      const temperature = fahrenheit ? rng.int(60, 80) : rng.int(16, 27);
      const unit = fahrenheit ? "fahrenheit" : "celsius";
      const fanSpeed = rng.int(2, 19) * 5;
      const mode = rng.pick(["auto", "cool", "heat", "defrost"]);
      return {
        instruction: phrase(
          rng,
          [
            "Set the climate control to {temperature} degrees {unit}, fan at {fanSpeed} and mode {mode}; then read the climate status and tell me the stored temperature.",
            "Make it {temperature}°{short} inside ({mode} mode, fan speed {fanSpeed}). Afterwards check the climate display: what temperature does it hold?",
            "Adjust the AC: {temperature} {unit}, fan {fanSpeed}, {mode}. Then show me the climate readout's temperature.",
          ],
          { temperature, unit, short: fahrenheit ? "F" : "C", fanSpeed, mode },
        ),
        plan: [
          { id: "s1", tool: "adjustClimateControl", args: { temperature, unit, fanSpeed, mode } },
          { id: "s2", tool: "displayCarStatus", args: { option: "climate" }, after: ["s1"] },
        ],
        answer: ref("s2.result.currentACTemperature"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "vehicle/park-and-lights",
    pattern: "fan-out",
    build: (rng) => {
      const mode = rng.pick(["on", "off", "auto"]);
      const reminder = rng.pick(REMINDERS);
      return {
        instruction: phrase(
          rng,
          [
            "We're parking: engage the parking brake, switch the headlights {lights} and put '{reminder}' on the display. Confirm the parking brake status.",
            "Three things at once: set the headlights {lights}, show the note '{reminder}', and engage the parking brake — then tell me what the parking brake status reads.",
            "Engage the parking brake and check its status; also turn the headlights {lights} and display the reminder '{reminder}'.",
          ],
          { lights: mode === "auto" ? "to automatic" : mode, reminder },
        ),
        plan: [
          { id: "s1", tool: "activateParkingBrake", args: { mode: "engage" } },
          { id: "s2", tool: "setHeadlights", args: { mode } },
          { id: "s3", tool: "display_log", args: { messages: [reminder] } },
          { id: "s4", tool: "displayCarStatus", args: { option: "parkingBrake" }, after: ["s1"] },
        ],
        answer: ref("s4.result.parkingBrakeStatus"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "vehicle/tire-service",
    pattern: "chain",
    build: (rng) => {
      const label = rng.pick([
        "Tyre service",
        "Pressure check",
        "Next stop",
        "Tyre shop",
        "Detour",
        "Service stop",
        "Tyres first",
        "Quick check",
      ]);
      return {
        instruction: phrase(
          rng,
          [
            "Check the tyre pressure, then find the nearest tyre shop, navigate there and show '{label}' with the shop's address on the display.",
            "After a tyre pressure check, look up the closest tyre shop, set it as the destination and display '{label}' followed by its address.",
            "Read the tyres' pressure; next find a tyre shop nearby, start navigation to it, and put '{label}' plus the address on the screen.",
          ],
          { label },
        ),
        plan: [
          { id: "s1", tool: "check_tire_pressure", args: {} },
          { id: "s2", tool: "find_nearest_tire_shop", args: {}, after: ["s1"] },
          { id: "s3", tool: "set_navigation", args: { destination: ref("s2.result.shopLocation") } },
          {
            id: "s4",
            tool: "display_log",
            args: { messages: [label, ref("s2.result.shopLocation")] },
            after: ["s3"],
          },
        ],
        answer: ref("s2.result.shopLocation"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "vehicle/start-and-cruise",
    pattern: "mixed",
    build: (rng) => {
      const doors = rng.shuffle(DOORS);
      const speed = rng.int(6, 24) * 5;
      const gap = rng.int(3, 20) * 5;
      return {
        instruction: phrase(
          rng,
          [
            "Get us moving: lock all four doors and press the brake pedal fully, start the engine, then set cruise control to {speed} km/h keeping {gap} m to the car ahead.",
            "Lock the {doors} doors, press the brake all the way, start the engine and switch on cruise control at {speed} with a following distance of {gap}.",
            "Start the car (doors locked, brake fully pressed first) and activate cruise control at {speed} km/h, {gap} metres behind the next vehicle.",
          ],
          { speed, gap, doors: doors.map((door) => door.replace("_", " ")).join(", ") },
        ),
        plan: [
          { id: "s1", tool: "lockDoors", args: { unlock: false, door: doors } },
          { id: "s2", tool: "pressBrakePedal", args: { pedalPosition: 1 } },
          { id: "s3", tool: "startEngine", args: { ignitionMode: "START" }, after: ["s1", "s2"] },
          {
            id: "s4",
            tool: "setCruiseControl",
            args: { speed, activate: true, distanceToNextVehicle: gap },
            after: ["s3"],
          },
        ],
        answer: ref("s4.result.cruiseStatus"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "vehicle/fuel-conversions",
    pattern: "fan-out",
    build: (rng) => {
      const gallons = rng.int(2, 40);
      const litres = rng.int(5, 150);
      return {
        instruction: phrase(
          rng,
          [
            "Convert {gallons} gallons to litres and {litres} litres to gallons; report the litres figure.",
            "Two quick conversions: {litres} L in gallons, and {gallons} gal in litres. Give me the litre value.",
            "How many litres are {gallons} gallons? While you're at it, also convert {litres} litres into gallons.",
          ],
          { gallons, litres },
        ),
        plan: [
          { id: "s1", tool: "gallon_to_liter", args: { gallon: gallons } },
          { id: "s2", tool: "liter_to_gallon", args: { liter: litres } },
        ],
        answer: ref("s1.result.liter"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "vehicle/sensor-readings",
    pattern: "mixed",
    build: (rng) => {
      // Both readings draw from the car's one random stream, so they are ordered.
      const speedFirst = rng.next() < 0.5;
      const [first, second] = speedFirst
        ? ["get_current_speed", "get_outside_temperature_from_google"]
        : ["get_outside_temperature_from_google", "get_current_speed"];
      const answerSpeed = rng.next() < 0.5;
      const order = speedFirst
        ? "the current speed, then the outside temperature"
        : "the outside temperature, then the current speed";
      const [option, part] = rng.pick([
        ["battery", "battery"],
        ["engine", "engine"],
        ["headlights", "headlights"],
        ["brakePedal", "brake pedal"],
      ] as const);
      return {
        instruction: phrase(
          rng,
          [
            "Read {order}, one after the other, and tell me the {wanted}. Also show the {part} status.",
            "Take two sensor readings in this order: {order}. I need the {wanted}; meanwhile display the {part} status.",
            "Show me the {part} status, and read {order}; report the {wanted}.",
          ],
          { order, part, wanted: answerSpeed ? "speed" : "temperature" },
        ),
        plan: [
          { id: "s1", tool: first, args: {} },
          { id: "s2", tool: second, args: {}, after: ["s1"] },
          { id: "s3", tool: "displayCarStatus", args: { option } },
        ],
        answer: ref(
          (speedFirst === answerSpeed ? "s1" : "s2") +
            (answerSpeed ? ".result.currentSpeed" : ".result.outsideTemperature"),
        ),
        answerMatch: "number",
      };
    },
  },
];

export const vehicleGenerator: DomainGenerator = {
  domain: "vehicle",
  templates,
  probes: [
    {
      tool: "get_zipcode_based_on_city",
      args: { city: "Rivermist" },
      phrase: "look up the zipcode of Rivermist",
    },
    {
      tool: "estimate_distance",
      args: { cityA: "56108", cityB: "62947" },
      phrase: "tell me the distance between zipcodes 56108 and 62947",
    },
    { tool: "gallon_to_liter", args: { gallon: 10 }, phrase: "convert 10 gallons to litres" },
    { tool: "find_nearest_tire_shop", args: {}, phrase: "find the address of the nearest tyre shop" },
  ],
};
