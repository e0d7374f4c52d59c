import { blending, bestOutboundReserve } from "./src/queueing/blending.js";
const b = blending({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundReserveAgents: 2, outboundAhtSeconds: 300 });
console.log(b.serviceLevel, b.outboundContactsPerHour, bestOutboundReserve({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundAhtSeconds: 300, targetServiceLevel: 0.8 }).outboundReserveAgents);
