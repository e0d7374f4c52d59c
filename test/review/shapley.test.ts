import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shapleyValues } from "../../src/review/shapley.js";

/** Shapley values by averaging over every order in which the players join (independent of the code). */
function byOrders(values: readonly number[]): number[] {
  const n = Math.log2(values.length);
  const orders: number[][] = [];
  const permute = (rest: number[], acc: number[]) => {
    if (rest.length === 0) orders.push(acc);
    rest.forEach((x, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x]));
  };
  permute([...Array(n).keys()], []);
  const phi = new Array<number>(n).fill(0);
  for (const order of orders) {
    let mask = 0;
    for (const j of order) {
      phi[j]! += (values[mask | (1 << j)]! - values[mask]!) / orders.length;
      mask |= 1 << j;
    }
  }
  return phi;
}

const game = (n: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 ** n, maxLength: 2 ** n });

describe("shapleyValues", () => {
  it("splits an interaction evenly: v = x0 + 2 x1 + x0 x1", () => {
    expect(shapleyValues({ values: [0, 1, 2, 4] })).toEqual([1.5, 2.5]);
  });

  it("equals the average over all orders of joining (2 to 5 players)", () => {
    for (const n of [2, 3, 4, 5]) {
      fc.assert(
        fc.property(game(n), (values) => {
          const got = shapleyValues({ values });
          byOrders(values).forEach((want, j) => expect(Math.abs(got[j]! - want)).toBeLessThan(1e-12));
        }),
        { numRuns: 50 },
      );
    }
  });

  it("is efficient: the values add up to v(all) - v(none) (law)", () => {
    fc.assert(
      fc.property(game(4), (values) => {
        const sum = shapleyValues({ values }).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - (values[15]! - values[0]!))).toBeLessThan(1e-12);
      }),
    );
  });

  it("gives a dummy player 0 and symmetric players the same value (laws)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), ([a, b, c, d]) => {
        // v depends on players 0 and 1 only through their count; player 2 is a dummy
        const v = (mask: number) => {
          const k = (mask & 1) + ((mask >> 1) & 1);
          return [a!, b!, c!][k]! + 0 * d!;
        };
        const values = Array.from({ length: 8 }, (_, mask) => v(mask));
        const phi = shapleyValues({ values });
        expect(Math.abs(phi[2]!)).toBeLessThan(1e-15);
        expect(Math.abs(phi[0]! - phi[1]!)).toBeLessThan(1e-12);
      }),
    );
  });

  it("refuses a list whose length is not a power of two", () => {
    expect(() => shapleyValues({ values: [0, 1, 2] })).toThrow("shapleyValues: values must be 2^n values (n = 1 to 12 players), got 3");
  });
});
