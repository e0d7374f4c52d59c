import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { elementReader, lazyArray } from "../../src/staffing/lazy-array.js";

const element = (i: number) => ({ i, square: i * i, label: `row ${i}`, odd: i % 2 === 1 ? i : null });

describe("lazyArray", () => {
  it("behaves as the array holding the same elements", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        const lazy = lazyArray(n, element);
        const plain = Array.from({ length: n }, (_, i) => element(i));
        expect(Array.isArray(lazy)).toBe(true);
        expect(lazy.length).toBe(n);
        expect(lazy).toEqual(plain);
        expect([...lazy]).toEqual(plain);
        expect(lazy.map((e) => e.square)).toEqual(plain.map((e) => e.square));
        expect(lazy.filter((e) => e.odd !== null)).toEqual(plain.filter((e) => e.odd !== null));
        expect(lazy.slice(1, 4)).toEqual(plain.slice(1, 4));
        expect(Object.keys(lazy)).toEqual(Object.keys(plain));
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(plain));
        expect(lazy[n]).toBeUndefined();
        expect(n in lazy).toBe(false);
        if (n > 0) expect(n - 1 in lazy).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("reads only canonical indexes as elements", () => {
    const lazy = lazyArray(20, element) as unknown as Record<string, unknown>;
    expect(lazy["3"]).toEqual(element(3));
    for (const key of ["03", "-1", "3.0", "1e1", " 3", "", "length2"]) expect(lazy[key]).toBeUndefined();
    expect(lazy["length"]).toBe(20);
  });

  it("elementReader reads element i as indexing does, for lazy and plain arrays (law)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        const lazy = lazyArray(n, element);
        const plain = Array.from({ length: n }, (_, i) => element(i));
        for (const array of [lazy, plain]) {
          const at = elementReader(array);
          for (let i = 0; i < n; i++) expect(at(i)).toEqual(array[i]);
        }
        // A lazy array's reader is its own element function, not a Proxy read.
        expect(elementReader(lazy)).toBe(element);
      }),
    );
  });

  it("refuses writes", () => {
    const lazy = lazyArray(3, element) as unknown as { i: number }[];
    expect(() => {
      lazy[0] = { i: 9 };
    }).toThrow(TypeError);
    expect(() => lazy.push({ i: 9 })).toThrow(TypeError);
    expect(() => lazy.sort()).toThrow(TypeError);
  });

  it("refuses a bad length", () => {
    expect(() => lazyArray(-1, element)).toThrow(RangeError);
    expect(() => lazyArray(1.5, element)).toThrow(RangeError);
  });
});
