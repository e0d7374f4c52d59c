import { blending, blendingIterative } from "./src/queueing/blending.js";
const o = { trafficErlangs: 0.2, ahtSeconds: 200, agents: 1, outboundReserveAgents: 1, outboundAhtSeconds: 60, patienceSeconds: 20, targetAnswerSeconds: 0 };
console.log(blending(o), blendingIterative(o));
