import { describe, expect, it } from "vitest";
import { ticketKpis, type Ticket } from "../../src/cost/tickets.js";
import { WfmError } from "../../src/errors.js";

const oct = (d: number, h: number, m = 0) => Date.UTC(2026, 9, d, h, m);

describe("ticketKpis", () => {
  // Hand-computed: resolved tickets take 2 h, 24 h, 30 min and 5 h 30 min.
  // FCR = 2 of 4 resolved = 0.5; MTTR = (7200 + 86400 + 1800 + 19800) / 4 = 28800 s (8 h);
  // median = (7200 + 19800) / 2 = 13500 s.
  const tickets: Ticket[] = [
    { id: "1", createdMs: oct(1, 8), resolvedMs: oct(1, 10), resolvedAtFirstContact: true },
    { id: "2", createdMs: oct(1, 9), resolvedMs: oct(2, 9), resolvedAtFirstContact: false },
    { id: "3", createdMs: oct(5, 12), resolvedMs: oct(5, 12, 30), resolvedAtFirstContact: true },
    { id: "4", createdMs: oct(31, 20), resolvedMs: Date.UTC(2026, 10, 1, 1, 30), resolvedAtFirstContact: false },
    { id: "5", createdMs: oct(31, 23) },
    { id: "6", createdMs: Date.UTC(2026, 8, 30, 12), resolvedMs: oct(1, 12), resolvedAtFirstContact: true },
  ];

  it("gives FCR, MTTR and the median of the tickets created in the month", () => {
    expect(ticketKpis({ tickets, month: "2026-10" })).toEqual({ month: "2026-10", created: 5, resolved: 4, open: 1, fcr: 0.5, mttrSeconds: 28800, medianTtrSeconds: 13500 });
    expect(ticketKpis({ tickets, month: "2026-09" })).toEqual({ month: "2026-09", created: 1, resolved: 1, open: 0, fcr: 1, mttrSeconds: 86400, medianTtrSeconds: 86400 });
  });

  it("gives null, not zero, without resolved tickets or without first-contact data", () => {
    expect(ticketKpis({ tickets: [{ id: "x", createdMs: oct(1, 1) }], month: "2026-10" })).toMatchObject({ fcr: null, mttrSeconds: null, medianTtrSeconds: null, open: 1 });
    expect(ticketKpis({ tickets: [{ id: "x", createdMs: oct(1, 1), resolvedMs: oct(1, 2) }], month: "2026-10" }).fcr).toBeNull();
    expect(ticketKpis({ tickets, month: "2026-12" }).created).toBe(0);
  });

  it("rejects a resolution before the creation", () => {
    expect(() => ticketKpis({ tickets: [{ id: "x", createdMs: oct(2, 1), resolvedMs: oct(1, 1) }], month: "2026-10" })).toThrow(WfmError);
  });
});
