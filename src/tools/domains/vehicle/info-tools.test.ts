import { describe, expect, it } from "vitest";
import type { AnyTool } from "../../tool.ts";
import { vehicleDomain } from "./index.ts";
import { TIRE_SHOP } from "./info-tools.ts";
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

describe("sensor readings from the seeded stream", () => {
  it("reproduce CPython's random.Random(141053) draws, in call order", () => {
    const state = VehicleState.parse({});
    expect(call(state, "get_outside_temperature_from_google")).toEqual({
      outsideTemperature: 36.63485703790535,
    });
    expect(call(state, "get_current_speed")).toEqual({ currentSpeed: 99.11925428879405 });
    const other = VehicleState.parse({});
    expect(call(other, "get_current_speed")).toEqual({ currentSpeed: 111.92365689097284 });
  });

  it("follow a configured seed and leave the public state alone", () => {
    const state = VehicleState.parse({ random_seed: 7 });
    const before = { ...state, _random: undefined };
    expect(call(state, "get_outside_temperature_from_google")).toEqual({
      outsideTemperature: 6.191638241658119,
    });
    expect({ ...state, _random: undefined }).toEqual(before);
  });

  it("weather.com is always unavailable", () => {
    expect(call(VehicleState.parse({}), "get_outside_temperature_from_weather_com")).toEqual({ error: 404 });
  });
});

describe("conversions, lookups and navigation", () => {
  const state = VehicleState.parse({ fuelLevel: 10 });
  it.each([
    ["gallon_to_liter", { gallon: 30 }, { liter: 113.56230000000001 }],
    ["liter_to_gallon", { liter: 20 }, { gallon: 5.283440000000001 }],
    ["estimate_distance", { cityA: "94016", cityB: "83214" }, { distance: 980 }],
    ["estimate_distance", { cityA: "83214", cityB: "94016" }, { distance: 980 }],
    ["estimate_distance", { cityA: "51479", cityB: "69238" }, { distance: 630 }],
    ["estimate_distance", { cityA: "94016", cityB: "00000" }, { error: "distance not found in database." }],
    ["get_zipcode_based_on_city", { city: "Crescent Hollow" }, { zipcode: "69238" }],
    ["get_zipcode_based_on_city", { city: "Atlantis" }, { zipcode: "00000" }],
    ["get_zipcode_based_on_city", { city: "constructor" }, { zipcode: "00000" }],
    ["estimate_drive_feasibility_by_mileage", { distance: 200 }, { canDrive: true }],
    ["estimate_drive_feasibility_by_mileage", { distance: 200.5 }, { canDrive: false }],
    ["display_log", { messages: ["a", "b"] }, { log: ["a", "b"] }],
    ["find_nearest_tire_shop", {}, { shopLocation: TIRE_SHOP }],
  ])("%s(%o)", (name, args, expected) => {
    expect(call(state, name, args)).toEqual(expected);
  });

  it("sets the navigation destination", () => {
    const car = VehicleState.parse({});
    expect(call(car, "set_navigation", { destination: "2107 Channing Way, Berkeley, CA" })).toEqual({
      status: "Navigating to 2107 Channing Way, Berkeley, CA",
    });
    expect(car.destination).toBe("2107 Channing Way, Berkeley, CA");
  });

  it("checks tyre pressure against the 30–35 psi average", () => {
    expect(call(VehicleState.parse({}), "check_tire_pressure")).toEqual({
      frontLeftTirePressure: 32,
      frontRightTirePressure: 32,
      rearLeftTirePressure: 30,
      rearRightTirePressure: 30,
      healthy_tire_pressure: true,
      car_info: {},
    });
    const low = VehicleState.parse({ frontLeftTirePressure: 20, frontRightTirePressure: 20 });
    expect(call(low, "check_tire_pressure")).toMatchObject({ healthy_tire_pressure: false });
  });
});

describe("info tools: contract", () => {
  it("has the 22 upstream names in total", () => {
    expect(vehicleDomain.tools.map((candidate) => candidate.name).sort()).toEqual(
      [
        "activateParkingBrake",
        "adjustClimateControl",
        "check_tire_pressure",
        "displayCarStatus",
        "display_log",
        "estimate_distance",
        "estimate_drive_feasibility_by_mileage",
        "fillFuelTank",
        "find_nearest_tire_shop",
        "gallon_to_liter",
        "get_current_speed",
        "get_outside_temperature_from_google",
        "get_outside_temperature_from_weather_com",
        "get_zipcode_based_on_city",
        "liter_to_gallon",
        "lockDoors",
        "pressBrakePedal",
        "releaseBrakePedal",
        "setCruiseControl",
        "setHeadlights",
        "set_navigation",
        "startEngine",
      ].sort(),
    );
  });

  it("declares the shared random stream for readings and mutation only for navigation", () => {
    const state = VehicleState.parse({});
    expect(tool("get_current_speed").resources({}, state)).toEqual(["vehicle:random"]);
    expect(tool("get_outside_temperature_from_google").resources({}, state)).toEqual(["vehicle:random"]);
    expect(tool("set_navigation").mutates).toBe(true);
    expect(tool("estimate_distance").mutates).toBe(false);
    expect(tool("estimate_distance").resources({ cityA: "1", cityB: "2" }, state)).toEqual([]);
  });
});
