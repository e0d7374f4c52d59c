import { describe, expect, it } from "vitest";
import { WfmError, clipQuoted, describeValue, maxQuotedCharacters } from "../src/errors.js";

describe("error messages quote at most a short prefix of any input", () => {
  it("cuts quoted text longer than 60 characters and says how long it was", () => {
    const cell = `${"9".repeat(300_000)}x`;
    const error = new WfmError({ code: "invalid-csv", file: "v.csv", line: 2, column: 2, message: `calls must be a non-negative number, got ${JSON.stringify(cell)}` });
    expect(error.message).toBe(`v.csv:2:2: calls must be a non-negative number, got "${"9".repeat(maxQuotedCharacters)}..." (300001 characters)`);
    expect(error.problems[0]!.message.length).toBeLessThan(200);
  });

  it("leaves a quote already cut alone (cutting twice changes nothing)", () => {
    const once = clipQuoted(`got "${"9".repeat(300_000)}x"`);
    expect(once).toBe(`got "${"9".repeat(60)}..." (300001 characters)`);
    expect(clipQuoted(once)).toBe(once);
    expect(new WfmError({ code: "invalid-csv", message: once }).message).toBe(once);
  });

  it("leaves short quotes and escaped quotes alone", () => {
    expect(clipQuoted('got "abc" and "a\\"b"')).toBe('got "abc" and "a\\"b"');
    expect(describeValue("x".repeat(61))).toBe(`"${"x".repeat(60)}..."`);
    expect(describeValue("abc")).toBe('"abc"');
  });
});
