/** Travel tools for the session, credit cards, the budget and traveller checks. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import {
  type NaiveDateTime,
  PythonValueError,
  pythonStringRepr,
  strptime,
} from "../trading/python-datetime.ts";
import {
  BUDGET_RESOURCE,
  CARDS_RESOURCE,
  cardResource,
  draw,
  ID_GENERATOR_RESOURCE,
  ID_RANGES,
  peek,
  SESSION_RESOURCE,
  type TravelState,
  tokenProblem,
} from "./state.ts";

/**
 * Upstream computes ages from the machine's clock; we fix "today" so results are reproducible.
 * 2024-09-01 is the date TradingBot's fixed clock uses, and the recorded travel dates lie after it.
 */
export const TODAY = { year: 2024, month: 9, day: 1 } as const;

export const accessToken = z.string().describe("Access token from authenticate_travel.");

/** A "YYYY-MM-DD" date as upstream's `strptime` reads it, or undefined where it raises ValueError. */
export function parseDay(text: string): NaiveDateTime | undefined {
  try {
    return strptime(text, "%Y-%m-%d");
  } catch (error) {
    if (error instanceof PythonValueError) return undefined;
    throw error;
  }
}

export const authenticateTravel = defineTool({
  name: "authenticate_travel",
  description:
    "Log in to the travel service and get a fresh access token; two calls made with a wrong token expire it. " +
    "Any client credentials are accepted; the user's name is remembered for traveller checks.",
  parameters: {
    client_id: z.string().describe("Client application id."),
    client_secret: z.string().describe("Client application secret."),
    refresh_token: z.string().describe("Refresh token from an earlier login."),
    grant_type: z.string().describe('Access scope: "read_write", "read" or "write".'),
    user_first_name: z.string().describe("First name of the user."),
    user_last_name: z.string().describe("Last name of the user."),
  },
  latency: "medium",
  mutates: true,
  resources: () => [SESSION_RESOURCE, ID_GENERATOR_RESOURCE],
  run: (state: TravelState, args) => {
    const [token] = draw(state, ID_RANGES.token);
    state.token_expires_in = 2;
    state.access_token = String(token);
    state.token_type = "Bearer";
    state.token_scope = args.grant_type;
    state.user_first_name = args.user_first_name;
    state.user_last_name = args.user_last_name;
    return { expires_in: 2, access_token: state.access_token, token_type: "Bearer", scope: args.grant_type };
  },
});

export const travelGetLoginStatus = defineTool({
  name: "travel_get_login_status",
  description: "Whether the travel session has a token with uses left (true/false).",
  parameters: {},
  latency: "instant",
  mutates: false,
  resources: () => [SESSION_RESOURCE],
  run: (state: TravelState) => ({
    status: !(state.token_expires_in === null || state.token_expires_in === 0),
  }),
});

export const getBudgetFiscalYear = defineTool({
  name: "get_budget_fiscal_year",
  description: "The company's budget fiscal year (the filters are accepted and ignored).",
  parameters: {
    lastModifiedAfter: z
      .string()
      .nullable()
      .optional()
      .describe('Only fiscal years changed after this UTC time, e.g. "2016-03-29T16:12:20".'),
    includeRemoved: z.string().nullable().optional().describe('"true" to include removed fiscal years.'),
  },
  latency: "fast",
  mutates: false,
  run: () => ({ budget_fiscal_year: "2018" }),
});

export const registerCreditCard = defineTool({
  name: "register_credit_card",
  description:
    "Register a credit card for bookings (needs the access token). Returns the new card's id; the card starts " +
    "with a generated balance.",
  parameters: {
    access_token: accessToken,
    card_number: z.string().describe("Card number."),
    expiration_date: z.string().describe('Expiry as "MM/YYYY".'),
    cardholder_name: z.string().describe("Name on the card."),
    card_verification_number: z.number().int().describe("Card verification number (CVV)."),
  },
  latency: "slow",
  mutates: true,
  resources: (_args, state: TravelState) => [
    SESSION_RESOURCE,
    ID_GENERATOR_RESOURCE,
    CARDS_RESOURCE,
    cardResource(String(peek(state, ID_RANGES.card))),
  ],
  run: (state: TravelState, args) => {
    if (state.token_expires_in === null) return { error: "Token not initialized" };
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return { error: problem };
    // Upstream compares the card number with the registered card ids, not their numbers.
    if (Object.hasOwn(state.credit_card_list, args.card_number)) return { error: "Card already registered" };
    const [cardId, balance] = draw(state, ID_RANGES.card, ID_RANGES.balance);
    state.credit_card_list[String(cardId)] = {
      card_number: args.card_number,
      expiration_date: args.expiration_date,
      cardholder_name: args.cardholder_name,
      card_verification_number: args.card_verification_number,
      balance,
    };
    return { card_id: String(cardId) };
  },
});

export const getCreditCardBalance = defineTool({
  name: "get_credit_card_balance",
  description: "The balance of one registered card (needs the access token).",
  parameters: { access_token: accessToken, card_id: z.string().describe("Id of the card.") },
  latency: "fast",
  mutates: false,
  resources: (args, state: TravelState) => [
    SESSION_RESOURCE,
    Object.hasOwn(state.credit_card_list, args.card_id) ? cardResource(args.card_id) : CARDS_RESOURCE,
  ],
  run: (state: TravelState, args) => {
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return { error: problem };
    if (!Object.hasOwn(state.credit_card_list, args.card_id)) {
      const ids = Object.keys(state.credit_card_list).map(pythonStringRepr);
      return { error: `Card not registered. Here are a list of card_id's: [${ids.join(", ")}]` };
    }
    return { card_balance: state.credit_card_list[args.card_id]!.balance };
  },
});

export const getAllCreditCards = defineTool({
  name: "get_all_credit_cards",
  description: "Every registered card with its details and balance, keyed by card id.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: (_args, state: TravelState) => [
    CARDS_RESOURCE,
    ...Object.keys(state.credit_card_list).map(cardResource),
  ],
  run: (state: TravelState) => ({ credit_card_list: structuredClone(state.credit_card_list) }),
});

export const setBudgetLimit = defineTool({
  name: "set_budget_limit",
  description:
    "Set the budget limit in USD (needs the access token). Bookings need a card balance of at least this " +
    "much, and insurance may not cost more.",
  parameters: { access_token: accessToken, budget_limit: z.number().describe("Budget limit in USD.") },
  latency: "fast",
  mutates: true,
  resources: () => [SESSION_RESOURCE, BUDGET_RESOURCE],
  run: (state: TravelState, args) => {
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return { error: problem };
    state.budget_limit = args.budget_limit;
    return { budget_limit: args.budget_limit };
  },
});

const failure = (reason: string) => ({ verification_status: false, verification_failure: reason });
/** Python's f-string of an optional name: None prints as "None". */
const pythonName = (name: string | null) => name ?? "None";

export const verifyTravelerInformation = defineTool({
  name: "verify_traveler_information",
  description:
    "Check that a traveller is the logged-in user, at least 18 years old and holds a US passport (number " +
    'starting with "US"). Returns the status and, on failure, the reason.',
  parameters: {
    first_name: z.string().describe("Traveller's first name."),
    last_name: z.string().describe("Traveller's last name."),
    date_of_birth: z.string().describe('Date of birth, "YYYY-MM-DD".'),
    passport_number: z.string().describe("Passport number."),
  },
  latency: "medium",
  mutates: false,
  resources: () => [SESSION_RESOURCE],
  run: (state: TravelState, args) => {
    if (state.user_first_name !== args.first_name || state.user_last_name !== args.last_name) {
      return failure(
        "Cannot book flight information for another user." +
          `Expected ${pythonName(state.user_first_name)} ${pythonName(state.user_last_name)}, ` +
          `got ${args.first_name} ${args.last_name}`,
      );
    }
    const birth = parseDay(args.date_of_birth);
    if (birth === undefined) return failure("Invalid date of birth format. Please use YYYY-MM-DD.");
    const birthdayToCome =
      TODAY.month < birth.month || (TODAY.month === birth.month && TODAY.day < birth.day);
    const age = TODAY.year - birth.year - (birthdayToCome ? 1 : 0);
    if (age < 18) return failure("Traveler must be at least 18 years old.");
    if (!args.passport_number.startsWith("US"))
      return failure("Passport must be issued by the United States.");
    return { verification_status: true };
  },
});

export const ACCOUNT_TOOLS = [
  authenticateTravel,
  travelGetLoginStatus,
  getBudgetFiscalYear,
  registerCreditCard,
  getCreditCardBalance,
  getAllCreditCards,
  setBudgetLimit,
  verifyTravelerInformation,
];
