import { blending } from "./src/queueing/blending.js";
let k = 0;
for (let a = 5; a < 35; a += 0.7) for (const r of [0, 2, 5]) { blending({ trafficErlangs: a, ahtSeconds: 270, agents: Math.ceil(a) + 3, outboundReserveAgents: r, outboundAhtSeconds: 300, targetAnswerSeconds: 20 }); k++; }
const s = process.cpuUsage();
for (let a = 5; a < 35; a += 0.7) for (const r of [0, 2, 5]) { blending({ trafficErlangs: a, ahtSeconds: 270, agents: Math.ceil(a) + 3, outboundReserveAgents: r, outboundAhtSeconds: 300, targetAnswerSeconds: 20 }); }
const c = process.cpuUsage(s);
console.log(k, ((c.user + c.system) / 1e3 / k).toFixed(3), "ms per call");
