/**
 * `wfm erlang` with priority classes and Erlang X, in-process: the JSON carries the library's
 * values (themselves checked against independent computations and the simulator in
 * test/queueing), the tables name the binding class, and bad input gets one pinned line per problem.
 */
import { describe, expect, it } from "vitest";
import { bestOutboundReserve, erlangX, priorityQueue, requiredAgentsErlangX, requiredAgentsPriority } from "../../src/queueing/index.js";
import { runCli } from "../support/cli.js";

const base = ["erlang", "--calls", "1000", "--interval", "30", "--aht", "180"];

describe("wfm erlang --classes", () => {
  it("solves the shared pool for a target per class (JSON: pool totals and a classes array)", async () => {
    const run = await runCli([...base, "--patience", "120", "--classes", "vip:10%:90/10,regular:80/20", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const classes = [
      { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
      { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    ];
    const solved = requiredAgentsPriority({ trafficErlangs: 100, ahtSeconds: 180, patienceSeconds: 120, classes });
    if (!solved.feasible) throw new Error(solved.reason);
    expect(json).toMatchObject({ model: "priority-erlang-a", trafficErlangs: 100, agents: solved.agents, feasible: true, bindingClasses: solved.bindingClasses });
    expect(json.classes.map((c: { name: string }) => c.name)).toEqual(["vip", "regular"]);
    json.classes.forEach((c: Record<string, number>, i: number) => {
      const k = solved.metrics.classes[i]!;
      expect(c).toMatchObject({ share: classes[i]!.share, serviceLevel: k.serviceLevel, asaSeconds: k.asaSeconds, waitProbability: k.waitProbability, abandonProbability: k.abandonProbability });
    });
    // each class's own minimum pool: the binding class needs the whole pool
    expect(json.classes[1].agents).toBe(solved.agents);
    expect(json.classes[0].agents).toBeLessThan(solved.agents);
  });

  it("evaluates --agents with a JSON class list; the class without a share gets the rest", async () => {
    const run = await runCli(["erlang", "--traffic", "100", "--aht", "180", "--agents", "105", "--classes", '[{"name":"vip","share":10,"target":"90/10"},{"name":"regular","target":"80/20"}]']);
    expect(run.status).toBe(0);
    const m = priorityQueue({ trafficErlangs: 100, ahtSeconds: 180, agents: 105, classes: [{ name: "vip", share: 0.1, targetAnswerSeconds: 10 }, { name: "regular", share: 0.9, targetAnswerSeconds: 20 }] });
    expect(run.stdout).toContain("agents            105 (given)");
    expect(run.stdout).toContain("targets met       no: 105 agents miss the targets of regular");
    expect(run.stdout).toContain(`${(m.classes[1]!.serviceLevel * 100).toFixed(1)}% in 20 s`);
  });

  it("reports a class target no pool meets as the reason (no hang, no NaN)", async () => {
    const run = await runCli([...base, "--classes", "vip:10%:100/10,regular:80/20", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      agents: null,
      feasible: false,
      reason: 'class "vip": a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive',
    });
  });

  it("pins the errors: shares not summing to 100%, bad parts, flags of other models", async () => {
    const run = await runCli([...base, "--classes", "vip:10%:90/10,regular:80%:80/20"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--classes: class shares must sum to 100%, got 90% (vip 10%, regular 80%)\n");
    const bad = await runCli([...base, "--classes", "vip:x:90/10,:80/20", "--redial", "50"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      [
        '--classes: class vip: expected a percentage from 0 to 100 such as 85 or 85%, got "x"',
        '--classes: class 2: expected NAME[:SHARE%][:PERCENT/SECONDS], got ":80/20"',
        "--redial: only applies to --model erlang-x (got --model erlang-c)",
        "",
      ].join("\n"),
    );
    const twoRests = await runCli([...base, "--classes", "vip:90/10,regular:80/20"]);
    expect(twoRests.stderr).toBe("--classes: only one class may leave its share out (it gets the rest of 100%): vip, regular have none\n");
  });
});

describe("wfm erlang --model erlang-x", () => {
  it("solves N with redials and lines (JSON: effective load, redial and blocking shares)", async () => {
    const run = await runCli([...base, "--target", "80/20", "--model", "erlang-x", "--patience", "120", "--redial", "60", "--redial-delay", "300", "--lines", "120", "--format", "json"]);
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout);
    const r = requiredAgentsErlangX({ trafficErlangs: 100, ahtSeconds: 180, patienceSeconds: 120, redialShare: 0.6, redialDelaySeconds: 300, lines: 120, targetServiceLevel: 0.8 });
    if (!r.feasible) throw new Error(r.reason);
    expect(json).toMatchObject({
      model: "erlang-x",
      agents: r.agents,
      lines: 120,
      redialShare: 0.6,
      effectiveTrafficErlangs: r.metrics.effectiveTrafficErlangs,
      blockingProbability: r.metrics.blockingProbability,
      serviceLevel: r.metrics.serviceLevel,
      feasible: true,
    });
  });

  it("every caller redialling with too few agents is stable: false, never a hang", async () => {
    const run = await runCli(["erlang", "--traffic", "100", "--aht", "180", "--model", "erlang-x", "--patience", "120", "--redial", "100", "--agents", "100", "--format", "json"]);
    expect(run.status).toBe(0);
    const x = erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120, redialShare: 1 });
    expect(x.stable).toBe(false);
    expect(JSON.parse(run.stdout)).toMatchObject({ stable: false, feasible: false, effectiveTrafficErlangs: null, reason: "100 agents miss a steady state (every caller redials and the agents cannot keep up)" });
  });

  it("pins the errors: lines below agents, --lines without erlang-x", async () => {
    const run = await runCli(["erlang", "--traffic", "10", "--aht", "180", "--model", "erlang-x", "--agents", "12", "--lines", "11"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--lines: must be at least --agents (12): every agent needs a line\n");
    const other = await runCli(["erlang", "--traffic", "10", "--aht", "180", "--agents", "12", "--lines", "20"]);
    expect(other.stderr).toBe("--lines: only applies to --model erlang-x (got --model erlang-c)\n");
  });
});

describe("wfm erlang --outbound-reserve", () => {
  it("finds the best reserve for the inbound target, with the figures at every reserve (JSON)", async () => {
    const run = await runCli(["erlang", "--traffic", "8", "--aht", "180", "--agents", "12", "--target", "80/20", "--outbound-reserve", "best", "--outbound-aht", "300", "--format", "json"]);
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout);
    const best = bestOutboundReserve({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundAhtSeconds: 300, targetServiceLevel: 0.8 });
    expect(json).toMatchObject({ model: "blending", agents: 12, outboundReserveAgents: best.outboundReserveAgents, feasible: true });
    expect(json.byReserve).toHaveLength(13);
    expect(json.byReserve[12].outboundContactsPerHour).toBeLessThan(1e-9);
  });

  it("pins the errors: --agents and --target needed", async () => {
    const run = await runCli(["erlang", "--traffic", "8", "--aht", "180", "--outbound-reserve", "best"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        "--agents: required with --outbound-reserve: the pool N that blends inbound and outbound work",
        "--target: required with --outbound-reserve best: the inbound target the reserve must keep",
        "",
      ].join("\n"),
    );
  });
});

describe("wfm erlang --classes with a handle time and patience per class (JSON form)", () => {
  const json = '[{"name":"vip","share":20,"target":"90/10","aht":300,"patience":60},{"name":"regular","share":80,"target":"80/20"}]';
  it("passes each class's aht and patience to the exact chain; the JSON echoes them and the chain's size", async () => {
    const run = await runCli(["erlang", "--traffic", "8", "--aht", "180", "--patience", "120", "--classes", json, "--format", "json"]);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    const classes = [
      { name: "vip", share: 0.2, targetServiceLevel: 0.9, targetAnswerSeconds: 10, ahtSeconds: 300, patienceSeconds: 60 },
      { name: "regular", share: 0.8, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    ];
    const solved = requiredAgentsPriority({ trafficErlangs: 8, ahtSeconds: 180, patienceSeconds: 120, classes });
    if (!solved.feasible) throw new Error("expected a feasible pool");
    expect(out.agents).toBe(solved.agents);
    expect(out.chain).toEqual(solved.metrics.chain);
    expect(out.classes[0]).toMatchObject({ ahtSeconds: 300, patienceSeconds: 60, serviceLevel: solved.metrics.classes[0]!.serviceLevel });
    expect(out.classes[1].ahtSeconds).toBeUndefined();
    const table = await runCli(["erlang", "--traffic", "8", "--aht", "180", "--patience", "120", "--classes", json]);
    expect(table.stdout).toMatch(/class +share +target +AHT +patience/);
    expect(table.stdout).toMatch(/vip +20% +90%\/10 s +300 s +60 s/);
  });
  it("a bad class aht or patience is one line per problem naming the class and the field", async () => {
    const run = await runCli(["erlang", "--traffic", "40", "--aht", "180", "--classes", '[{"name":"vip","share":20,"aht":"x"},{"name":"regular","share":80,"patience":-3}]']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--classes: class vip aht: expected a number greater than 0, got "x"\n--classes: class regular patience: expected a number greater than 0, got "-3"\n');
  });
});
