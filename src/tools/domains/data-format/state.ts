import { z } from "zod";

/** The data-format domain is pure: its tools read only their arguments, so its state is empty. */
export const DataFormatState = z.strictObject({});
export type DataFormatState = z.infer<typeof DataFormatState>;

/** Longest CSV or JSON text a tool accepts (code units). */
export const MAX_DOCUMENT = 200_000;
