/**
 * State of the travel domain: BFCL v3 TravelAPI. Public fields have upstream's attribute names and
 * shapes as the recorded BFCL trace writes them; `_random` (CPython MT19937 that draws tokens,
 * card, booking, transaction and insurance ids) is internal.
 */
import { z } from "zod";
import { PythonRandom, pythonRandomStateSchema } from "../../../core/python-random.ts";
import { ToolError } from "../../tool.ts";

/** Upstream's default seed. */
export const DEFAULT_TRAVEL_SEED = 141053;

/**
 * A registered card. Cards made by `register_credit_card` hold card_number, expiration_date,
 * cardholder_name, card_verification_number and balance; recorded configs use many other field
 * names (expiry_date, cvv, card_type…) and sometimes no balance, so only `balance` is typed.
 */
export const CreditCard = z.looseObject({ balance: z.number().optional() });
export type CreditCard = z.infer<typeof CreditCard>;

/**
 * A booking. Bookings made by `book_flight` hold card_id, travel_date, travel_from, travel_to,
 * travel_class, travel_cost and transaction_id; recorded configs hold other shapes.
 */
export const Booking = z.looseObject({ card_id: z.string().optional(), travel_cost: z.number().optional() });
export type Booking = z.infer<typeof Booking>;

/**
 * Partial config → full state. Accepts a BFCL `initial_config.TravelAPI` object, a recorded
 * `initial_state`, or a state produced earlier (its `_random` is kept). Like upstream, fields it
 * does not know (some recorded configs carry e.g. `travel_mode`) are ignored.
 */
export const TravelState = z
  .object({
    credit_card_list: z.record(z.string(), CreditCard).default(() => ({})),
    booking_record: z.record(z.string(), Booking).default(() => ({})),
    access_token: z.string().nullable().default(null),
    token_type: z.string().nullable().default(null),
    /** Uses left on the token: 0 means expired, null means never authenticated. */
    token_expires_in: z.number().int().nullable().default(null),
    token_scope: z.string().nullable().default(null),
    user_first_name: z.string().nullable().default(null),
    user_last_name: z.string().nullable().default(null),
    budget_limit: z.number().nullable().default(null),
    /** Upstream pads results in its long-context category; that mode is not ported. */
    long_context: z
      .boolean()
      .refine((value) => !value, "long_context mode (upstream's padded results) is not supported")
      .default(false),
    /** Config only: seeds `_random` (upstream's `random_seed`). */
    random_seed: z.number().int().optional(),
    _random: pythonRandomStateSchema.optional(),
  })
  .transform(({ random_seed, _random, ...fields }) => ({
    ...fields,
    _random: _random ?? PythonRandom.seeded(random_seed ?? DEFAULT_TRAVEL_SEED).getState(),
  }));
export type TravelState = z.infer<typeof TravelState>;

/** Upstream's id widths: `randint` bounds for each kind of generated id. */
export const ID_RANGES = {
  token: [100000, 999999],
  card: [100000000000, 999999999999],
  balance: [10000, 99999],
  booking: [1000000, 9999999],
  transaction: [10000000, 99999999],
  insurance: [100000000, 999999999],
} as const satisfies Record<string, readonly [number, number]>;

/** Draw `randint` values in order from the state's generator, as upstream's `self._random` does. */
export function draw(state: TravelState, ...ranges: ReadonlyArray<readonly [number, number]>): number[] {
  const random = PythonRandom.fromState(state._random);
  const values = ranges.map(([low, high]) => random.randint(low, high));
  state._random = random.getState();
  return values;
}

/** The value the next `randint` would give, without drawing it (for resource names). */
export function peek(state: TravelState, range: readonly [number, number]): number {
  return PythonRandom.fromState(state._random).randint(range[0], range[1]);
}

/**
 * Upstream's token gate for calls that take an access token: "Token expired" once no uses are
 * left; a wrong token costs one use (upstream crashes when there never was a token, and so do
 * we). Returns the error text, or undefined when the token is good.
 */
export function tokenProblem(state: TravelState, accessToken: string): string | undefined {
  if (state.token_expires_in === 0) return "Token expired";
  if (accessToken !== state.access_token) {
    if (state.token_expires_in === null) {
      throw new ToolError("unsupported operand type(s) for -=: 'NoneType' and 'int'");
    }
    state.token_expires_in -= 1;
    return "Invalid access token";
  }
  return undefined;
}

/** Token, token use count and user names. */
export const SESSION_RESOURCE = "travel:session";
/** The budget limit that bookings and insurance are checked against. */
export const BUDGET_RESOURCE = "travel:budget";
/** The set of registered cards (registering adds one; listing reads them all). */
export const CARDS_RESOURCE = "travel:cards";
/** The id generator: every generated id depends on the order of the calls that draw. */
export const ID_GENERATOR_RESOURCE = "travel:id-generator";
export const cardResource = (id: string): string => `travel:card:${id}`;
export const bookingResource = (id: string): string => `travel:booking:${id}`;
