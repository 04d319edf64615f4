// lazyTable: loaded on first read, read-only, and its array methods answer as the array's own.
import { describe, expect, it } from "vitest";
import { lazyTable } from "../../src/lazy-table.js";

describe("lazyTable", () => {
  it("loads once, on first read", () => {
    let loads = 0;
    const t = lazyTable("T", () => (loads++, [1, 2, 3]));
    expect(loads).toBe(0);
    expect(t.length).toBe(3);
    expect(t[1]).toBe(2);
    expect(loads).toBe(1);
  });

  it("answers array methods as the loaded array does", () => {
    const rows = [{ id: "a", n: 1 }, { id: "b", n: 2 }, { id: "c", n: 3 }];
    const t = lazyTable("T", () => rows);
    expect(t.find((r) => r.id === "b")).toBe(rows[1]);
    expect(t.filter((r) => r.n > 1)).toEqual(rows.slice(1));
    expect(t.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(t.some((r) => r.n === 3)).toBe(true);
    expect([...t]).toEqual(rows);
    expect(t.indexOf(rows[2]!)).toBe(2);
    expect(Array.isArray(t)).toBe(true);
    expect(Object.keys(t)).toEqual(["0", "1", "2"]);
    // a method read twice is the same function (bound once), and still works unbound from the table
    expect(t.find).toBe(t.find);
    const { find } = t;
    expect(find((r) => r.n === 1)).toBe(rows[0]);
  });

  it("refuses writes", () => {
    const t = lazyTable("T", () => [1, 2]) as number[];
    expect(() => (t[0] = 5)).toThrow(/T is read-only/);
    for (const write of [() => t.push(3), () => t.sort((a, b) => b - a), () => t.splice(0, 1), () => t.fill(0), () => t.reverse(), () => t.pop()]) expect(write).toThrow(/T is read-only/);
    expect([...t]).toEqual([1, 2]);
  });
});
