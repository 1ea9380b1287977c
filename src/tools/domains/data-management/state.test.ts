import { describe, expect, it } from "vitest";
import { freshState, staffState } from "./testing.ts";

describe("data-management config", () => {
  it("defaults to no tables", () => {
    expect(freshState()).toEqual({ tables: {} });
  });

  it("numbers rows without ids after the largest given id and fills empty columns with null", () => {
    const state = freshState({
      tables: {
        items: {
          columns: [
            { name: "label", type: "string" },
            { name: "qty", type: "integer" },
          ],
          rows: [{ label: "a" }, { id: 10, qty: 2 }, { qty: 3, label: "c" }],
        },
      },
    });
    expect(state.tables.items).toEqual({
      columns: [
        { name: "label", type: "string", required: false },
        { name: "qty", type: "integer", required: false },
      ],
      rows: [
        { id: 11, label: "a", qty: null },
        { id: 10, label: null, qty: 2 },
        { id: 12, label: "c", qty: 3 },
      ],
      next_id: 13,
    });
  });

  it("keeps a larger next_id and round-trips its own state", () => {
    const state = freshState({
      tables: { t: { columns: [{ name: "x", type: "number" }], rows: [{ x: 1 }], next_id: 50 } },
    });
    expect(state.tables.t?.rows[0]?.id).toBe(50);
    expect(state.tables.t?.next_id).toBe(51);
    expect(freshState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    const staff = staffState();
    expect(freshState(JSON.parse(JSON.stringify(staff)))).toEqual(staff);
  });

  it.each([
    [{ tables: { Bad: { columns: [{ name: "x", type: "string" }] } } }, /tables\.Bad: Invalid key/],
    [{ tables: { t: { columns: [] } } }, /columns/],
    [
      { tables: { t: { columns: [{ name: "id", type: "integer" }] } } },
      /test world: tables\.t\.columns: "id" is reserved/,
    ],
    [
      {
        tables: {
          t: {
            columns: [
              { name: "x", type: "string" },
              { name: "x", type: "number" },
            ],
          },
        },
      },
      /listed twice/,
    ],
    [{ tables: { t: { columns: [{ name: "x", type: "date" }] } } }, /type/],
    [
      { tables: { t: { columns: [{ name: "x", type: "integer" }], rows: [{ x: 1.5 }] } } },
      /holds integer values, got number 1.5/,
    ],
    [
      { tables: { t: { columns: [{ name: "x", type: "string" }], rows: [{ y: "a" }] } } },
      /unknown column "y"/,
    ],
    [
      { tables: { t: { columns: [{ name: "x", type: "string", required: true }], rows: [{}] } } },
      /required column "x" is missing/,
    ],
    [
      { tables: { t: { columns: [{ name: "x", type: "string" }], rows: [{ id: 2 }, { id: 2 }] } } },
      /id 2 is used twice/,
    ],
    [{ tables: { t: { columns: [{ name: "x", type: "string" }], rows: [{ id: 0 }] } } }, /positive integer/],
  ])("rejects %j", (config, message) => {
    expect(() => freshState(config)).toThrow(message);
  });
});
