/** Travel tools for airports, fares and currency conversion (no login needed). */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { pythonRound } from "../math/python-numbers.ts";
import { AIRPORT_BY_CITY, AIRPORTS, baseFare, CLASS_FACTORS, USD_RATES } from "./travel-data.ts";

/**
 * Upstream's fare: base fare × class factor, doubled when the digits of the date add up to an
 * even number. Throws upstream's ValueError text for an unknown route or class.
 */
export function flightCost(from: string, to: string, date: string, travelClass: string): number {
  const fare = baseFare(from, to);
  if (fare === undefined) throw new ToolError("No available route for the given airports.");
  const factor = Object.hasOwn(CLASS_FACTORS, travelClass) ? CLASS_FACTORS[travelClass] : undefined;
  if (factor === undefined)
    throw new ToolError("Invalid travel class. Options are: economy, business, first.");
  const digitSum = [...date]
    .filter((char) => char >= "0" && char <= "9")
    .reduce((sum, char) => sum + Number(char), 0);
  return fare * factor * (digitSum % 2 === 0 ? 2 : 1);
}

export const listAllAirports = defineTool({
  name: "list_all_airports",
  description: "The three-letter codes of every airport the service flies to.",
  parameters: {},
  latency: "fast",
  mutates: false,
  run: () => [...AIRPORTS],
});

export const getNearestAirportByCity = defineTool({
  name: "get_nearest_airport_by_city",
  description:
    'The airport code nearest to a city (e.g. "Rivermist" → "RMS", "New York" → "JFK"); "Unknown" for other ' +
    "places.",
  parameters: {
    location: z
      .string()
      .describe(
        "City name: Rivermist, Stonebrook, Maplecrest, Silverpine, Shadowridge, London, Paris, Sunset Valley, " +
          "Oakendale, Willowbend, Crescent Hollow, Autumnville, Pinehaven, Greenfield, San Francisco, Los Angeles, " +
          "New York, Chicago, Boston, Beijing, Hong Kong, Rome or Tokyo.",
      ),
  },
  latency: "fast",
  mutates: false,
  run: (_state: unknown, args) => ({
    nearest_airport: Object.hasOwn(AIRPORT_BY_CITY, args.location)
      ? AIRPORT_BY_CITY[args.location]
      : "Unknown",
  }),
});

export const getFlightCost = defineTool({
  name: "get_flight_cost",
  description:
    "Price in USD of a one-way flight between two airports on a date, in economy, business (×2) or first " +
    "(×5) class; answers a one-element list. Fails when there is no such route.",
  parameters: {
    travel_from: z.string().describe("Departure airport code, e.g. SFO."),
    travel_to: z.string().describe("Arrival airport code, e.g. LAX."),
    travel_date: z.string().describe('Travel date, "YYYY-MM-DD".'),
    travel_class: z.string().describe('"economy", "business" or "first".'),
  },
  latency: "medium",
  mutates: false,
  run: (_state: unknown, args) => ({
    travel_cost_list: [flightCost(args.travel_from, args.travel_to, args.travel_date, args.travel_class)],
  }),
});

export const computeExchangeRate = defineTool({
  name: "compute_exchange_rate",
  description:
    "Convert an amount between US dollars and another currency (RMB, EUR, JPY, GBP, CAD, AUD, INR, RUB, BRL, " +
    "MXN) at fixed rates; conversions into USD are rounded to cents. One side must be USD.",
  parameters: {
    base_currency: z.string().describe("Currency of the amount, e.g. USD."),
    target_currency: z.string().describe("Currency to convert into, e.g. EUR."),
    value: z.number().describe("Amount in the base currency."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: unknown, args) => {
    for (const [currency, rate] of USD_RATES) {
      if (args.base_currency === "USD" && args.target_currency === currency) {
        return { exchanged_value: args.value * rate };
      }
      if (args.base_currency === currency && args.target_currency === "USD") {
        return { exchanged_value: pythonRound(args.value / rate, 2) };
      }
    }
    throw new ToolError("No available exchange rate for the given currencies.");
  },
});

export const FLIGHT_TOOLS = [listAllAirports, getNearestAirportByCity, getFlightCost, computeExchangeRate];
