import { defineDomain } from "../../domain.ts";
import { AGGREGATE_TOOLS } from "./aggregate-tools.ts";
import { ROW_TOOLS } from "./row-tools.ts";
import { SCHEMA_TOOLS } from "./schema-tools.ts";
import { DataManagementState } from "./state.ts";

/** A small typed record store: tables with automatic ids, filtered queries, updates, deletes and aggregates. */
export const dataManagementDomain = defineDomain<DataManagementState>({
  name: "data-management",
  description:
    "A small record store: create, list, describe and drop tables; insert, fetch, query, update and delete rows " +
    "with simple filters; count, sum, average, minimum and maximum, overall or grouped by a column.",
  config: DataManagementState,
  tools: [...SCHEMA_TOOLS, ...ROW_TOOLS, ...AGGREGATE_TOOLS],
});
