import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool } from "../testing/call-tool.ts";
import { travelDomain } from "./index.ts";
import type { TravelState } from "./state.ts";

const fresh = (): TravelState => initialState(travelDomain, {}, "test.json");
const run = (name: string, args: object = {}) => callTool(travelDomain, fresh(), name, args);

describe("airports", () => {
  it("lists upstream's 23 airports in its order", () => {
    const airports = run("list_all_airports") as string[];
    expect(airports).toHaveLength(23);
    expect(airports.slice(0, 3)).toEqual(["RMS", "SBK", "MPC"]);
    expect(airports.at(-1)).toBe("BOS");
  });

  it.each([
    ["Rivermist", "RMS"],
    ["New York", "JFK"],
    ["Rome", "CIA"],
    ["Atlantis", "Unknown"],
    ["constructor", "Unknown"],
  ])("nearest airport to %s is %s", (location, nearest_airport) => {
    expect(run("get_nearest_airport_by_city", { location })).toEqual({ nearest_airport });
  });
});

describe("get_flight_cost", () => {
  // Values from the recorded upstream trace.
  it.each([
    ["RMS", "SBK", "2024-10-06", "economy", 220],
    ["SFO", "LAX", "2024-11-10", "business", 400],
    ["SFO", "ORD", "2024-11-15", "first", 4000],
    ["RMS", "SBK", "2024-11-15", "economy", 440],
    ["JFK", "PEK", "2024-06-15", "first", 10000],
    ["LHR", "CDG", "2024-11-15", "business", 400],
  ])("%s → %s on %s in %s costs %d", (travel_from, travel_to, travel_date, travel_class, cost) => {
    expect(run("get_flight_cost", { travel_from, travel_to, travel_date, travel_class })).toEqual({
      travel_cost_list: [cost],
    });
  });

  it.each([
    [
      { travel_from: "LAX", travel_to: "RMS", travel_class: "premium" },
      "Invalid travel class. Options are: economy, business, first.",
    ],
    [
      { travel_from: "SBK", travel_to: "RMS", travel_class: "economy" },
      "No available route for the given airports.",
    ],
  ])("fails for %j", (args, message) => {
    const call = () => run("get_flight_cost", { travel_date: "2024-01-01", ...args });
    expect(call).toThrow(ToolError);
    expect(call).toThrow(message);
  });
});

describe("compute_exchange_rate", () => {
  it.each([
    ["USD", "EUR", 400, 320],
    ["USD", "GBP", 2400, 1680],
    ["GBP", "USD", 15400, 22000],
    ["RMB", "USD", 20000, 2857.14],
    ["RMB", "USD", 10000, 1428.57],
    ["USD", "RMB", 420, 2940],
  ])("%s → %s of %d is %d", (base_currency, target_currency, value, exchanged_value) => {
    expect(run("compute_exchange_rate", { base_currency, target_currency, value })).toEqual({
      exchanged_value,
    });
  });

  it("rounds conversions into USD half to even on the exact value, as Python's round", () => {
    // 0.1 / 0.8 = 0.125 exactly: Python's round(0.125, 2) is 0.12.
    expect(
      run("compute_exchange_rate", { base_currency: "EUR", target_currency: "USD", value: 0.1 }),
    ).toEqual({
      exchanged_value: 0.12,
    });
  });

  it("fails without a USD side", () => {
    expect(() =>
      run("compute_exchange_rate", { base_currency: "EUR", target_currency: "GBP", value: 1 }),
    ).toThrow("No available exchange rate for the given currencies.");
  });
});
