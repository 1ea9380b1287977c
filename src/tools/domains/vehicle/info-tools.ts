/**
 * Vehicle tools that read sensors or look things up: outside temperature and speed (drawn from
 * the car's seeded random stream), unit conversions, a small city/zipcode/distance table,
 * navigation, tyres and the message log.
 */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { drawUniform, MILES_PER_GALLON, RANDOM_RESOURCE, type VehicleState } from "./state.ts";

const ZIPCODES: Record<string, string> = {
  Rivermist: "83214",
  Stonebrook: "74532",
  Maplecrest: "56108",
  Silverpine: "62947",
  Shadowridge: "71354",
  "Sunset Valley": "83462",
  Oakendale: "47329",
  Willowbend: "52013",
  "Crescent Hollow": "69238",
  Autumnville: "51479",
  "San Francisco": "94016",
};

/** Distances in km between zipcode pairs, either order. */
const DISTANCES: ReadonlyArray<[string, string, number]> = [
  ["83214", "74532", 750],
  ["56108", "62947", 320],
  ["71354", "83462", 450],
  ["47329", "52013", 290],
  ["69238", "51479", 630],
  ["94016", "83214", 980],
  ["94016", "94704", 600],
  ["94704", "08540", 2550],
  ["94016", "08540", 1950],
  ["62947", "47329", 1053],
  ["94016", "62947", 780],
  ["74532", "94016", 880],
];

export const TIRE_SHOP = "456 Oakwood Avenue, Rivermist, 83214";

export const getOutsideTemperatureFromGoogle = defineTool({
  name: "get_outside_temperature_from_google",
  description: "Read the outside temperature in degrees Celsius from the first weather service.",
  parameters: {},
  latency: "slow",
  // A read: the public state is unchanged, only the sensor stream advances.
  mutates: false,
  resources: () => [RANDOM_RESOURCE],
  run: (state: VehicleState) => ({ outsideTemperature: drawUniform(state, -10, 40) }),
});

export const getOutsideTemperatureFromWeatherCom = defineTool({
  name: "get_outside_temperature_from_weather_com",
  description:
    "Read the outside temperature from the second weather service (which is currently unavailable).",
  parameters: {},
  latency: "slow",
  mutates: false,
  run: () => ({ error: 404 }),
});

export const getCurrentSpeed = defineTool({
  name: "get_current_speed",
  description: "Read the vehicle's current speed in km/h.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [RANDOM_RESOURCE],
  run: (state: VehicleState) => ({ currentSpeed: drawUniform(state, 0, 120) }),
});

export const displayLog = defineTool({
  name: "display_log",
  description: "Show a list of messages on the car's display and return them.",
  parameters: { messages: z.array(z.string()).describe("Messages to display.") },
  latency: "instant",
  mutates: false,
  run: (_state: VehicleState, { messages }) => ({ log: messages }),
});

export const estimateDriveFeasibilityByMileage = defineTool({
  name: "estimate_drive_feasibility_by_mileage",
  description: `Tell whether the fuel in the tank covers a distance in miles, at ${MILES_PER_GALLON} miles per gallon.`,
  parameters: { distance: z.number().describe("Distance to drive, in miles.") },
  latency: "fast",
  mutates: false,
  resources: () => ["vehicle:fuel"],
  run: (state: VehicleState, { distance }) => ({
    canDrive: !(state.fuelLevel * MILES_PER_GALLON < distance),
  }),
});

export const literToGallon = defineTool({
  name: "liter_to_gallon",
  description: "Convert litres to US gallons.",
  parameters: { liter: z.number().describe("Amount in litres.") },
  latency: "instant",
  mutates: false,
  run: (_state: VehicleState, { liter }) => ({ gallon: liter * 0.264172 }),
});

export const gallonToLiter = defineTool({
  name: "gallon_to_liter",
  description: "Convert US gallons to litres.",
  parameters: { gallon: z.number().describe("Amount in gallons.") },
  latency: "instant",
  mutates: false,
  run: (_state: VehicleState, { gallon }) => ({ liter: gallon * 3.78541 }),
});

export const estimateDistance = defineTool({
  name: "estimate_distance",
  description: "Look up the road distance in km between two cities given by zipcode.",
  parameters: {
    cityA: z.string().describe("Zipcode of the first city."),
    cityB: z.string().describe("Zipcode of the second city."),
  },
  latency: "medium",
  mutates: false,
  run: (_state: VehicleState, { cityA, cityB }) => {
    const entry = DISTANCES.find(([a, b]) => (a === cityA && b === cityB) || (a === cityB && b === cityA));
    return entry ? { distance: entry[2] } : { error: "distance not found in database." };
  },
});

export const getZipcodeBasedOnCity = defineTool({
  name: "get_zipcode_based_on_city",
  description: "Look up a city's zipcode by name; unknown cities give '00000'.",
  parameters: { city: z.string().describe("City name.") },
  latency: "medium",
  mutates: false,
  run: (_state: VehicleState, { city }) => ({
    zipcode: Object.hasOwn(ZIPCODES, city) ? (ZIPCODES[city] ?? "00000") : "00000",
  }),
});

export const setNavigation = defineTool({
  name: "set_navigation",
  description: "Start navigating to a destination given as 'street, city, state'.",
  parameters: { destination: z.string().describe("Destination address.") },
  latency: "medium",
  mutates: true,
  resources: () => ["vehicle:navigation"],
  run: (state: VehicleState, { destination }) => {
    state.destination = destination;
    return { status: `Navigating to ${destination}` };
  },
});

export const checkTirePressure = defineTool({
  name: "check_tire_pressure",
  description:
    "Read the four tyre pressures in psi and whether their average is in the healthy 30–35 psi range.",
  parameters: {},
  latency: "medium",
  mutates: false,
  resources: () => ["vehicle:tires"],
  run: (state: VehicleState) => {
    const average =
      (state.frontLeftTirePressure +
        state.frontRightTirePressure +
        state.rearLeftTirePressure +
        state.rearRightTirePressure) /
      4;
    return {
      frontLeftTirePressure: state.frontLeftTirePressure,
      frontRightTirePressure: state.frontRightTirePressure,
      rearLeftTirePressure: state.rearLeftTirePressure,
      rearRightTirePressure: state.rearRightTirePressure,
      healthy_tire_pressure: average >= 30 && average <= 35,
      car_info: {},
    };
  },
});

export const findNearestTireShop = defineTool({
  name: "find_nearest_tire_shop",
  description: "Find the address of the nearest tyre shop.",
  parameters: {},
  latency: "slow",
  mutates: false,
  run: () => ({ shopLocation: TIRE_SHOP }),
});

export const INFO_TOOLS = [
  getOutsideTemperatureFromGoogle,
  getOutsideTemperatureFromWeatherCom,
  getCurrentSpeed,
  displayLog,
  estimateDriveFeasibilityByMileage,
  literToGallon,
  gallonToLiter,
  estimateDistance,
  getZipcodeBasedOnCity,
  setNavigation,
  checkTirePressure,
  findNearestTireShop,
];
