import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { replicationRanges, simulateInWorkers } from "../../src/io/simulate-in-workers.js";
import { simulate, steadyQueueOptions } from "../../src/simulation/index.js";

const options = steadyQueueOptions({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 12, patienceSeconds: 120, hours: 2, replications: 11, seed: 9 });

describe("simulateInWorkers", () => {
  it("cuts the replications into at most 8 fixed batches that cover them once", () => {
    expect(replicationRanges(11)).toEqual([
      { firstReplication: 0, replications: 2 },
      { firstReplication: 2, replications: 2 },
      { firstReplication: 4, replications: 2 },
      { firstReplication: 6, replications: 1 },
      { firstReplication: 7, replications: 1 },
      { firstReplication: 8, replications: 1 },
      { firstReplication: 9, replications: 1 },
      { firstReplication: 10, replications: 1 },
    ]);
    expect(replicationRanges(3)).toEqual([
      { firstReplication: 0, replications: 1 },
      { firstReplication: 1, replications: 1 },
      { firstReplication: 2, replications: 1 },
    ]);
  });

  it("gives the same result on two worker threads as in this thread, and the simulator's figures", async () => {
    const threaded = await simulateInWorkers(options, { threads: 2, minContactsForWorkers: 0 });
    const local = await simulateInWorkers(options, { threads: 1 });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(local));
    const direct = simulate(options);
    expect(threaded.contactsSimulated).toBe(direct.contactsSimulated);
    expect(threaded.period.contactTypes[0]!.offered.mean).toBe(direct.period.contactTypes[0]!.offered.mean);
    expect(threaded.period.contactTypes[0]!.serviceLevel.mean).toBeCloseTo(direct.period.contactTypes[0]!.serviceLevel.mean!, 12);
  });

  it("reports bad options as the simulator does", async () => {
    await expect(simulateInWorkers({ ...options, agentGroups: [{ name: "team", skills: ["nobody"], agents: 3 }] }, { minContactsForWorkers: 0 })).rejects.toThrow(WfmError);
  });
});
