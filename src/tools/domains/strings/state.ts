import { z } from "zod";

/** The strings domain is pure: its tools read only their arguments, so its state is empty. */
export const StringsState = z.strictObject({});
export type StringsState = z.infer<typeof StringsState>;

/** Longest text any strings tool accepts (code units); keeps every call cheap. */
export const MAX_TEXT = 100_000;

export const text = (what: string) => z.string().max(MAX_TEXT).describe(what);
