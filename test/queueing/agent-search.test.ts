import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bisectSmallestAgents, bracketAroundGuess, bracketUpward } from "../../src/queueing/agent-search.js";

// The searches against the definition: the smallest N with N >= threshold, found by scanning.
describe("agent search", () => {
  it("bracketAroundGuess then bisection finds the threshold from any guess at or above the lower bound", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 100 }), (threshold, guessOffset, lower) => {
        const meets = (n: number) => n >= Math.max(threshold, lower);
        const guess = lower + guessOffset;
        const [low, high] = bracketAroundGuess(guess, lower, meets);
        expect(meets(high)).toBe(true);
        expect(low < lower || !meets(low)).toBe(true);
        expect(bisectSmallestAgents(low, high, meets)).toBe(Math.max(threshold, lower));
      }),
    );
  });

  it("bracketUpward then bisection finds the threshold, or null when the cap misses it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 3000, noNaN: true }), fc.integer({ min: 1, max: 6000 }), (threshold, traffic, cap) => {
        const meets = (n: number) => n >= threshold;
        const bracket = bracketUpward(traffic, cap, meets);
        if (threshold > cap) expect(bracket).toBeNull();
        else expect(bisectSmallestAgents(bracket![0], bracket![1], meets)).toBe(threshold);
      }),
    );
  });

  it("the documented examples", () => {
    expect(bracketAroundGuess(40, 0, (n) => n >= 37)).toEqual([33, 37]);
    expect(bracketUpward(30, 100, (n) => n >= 37)).toEqual([36, 48]);
    expect(bisectSmallestAgents(0, 64, (n) => n >= 37)).toBe(37);
  });
});
