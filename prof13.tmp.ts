import { blending } from "./src/queueing/blending.js";
for (const [a, n, r] of [[8,12,2],[10, 13, 3], [20, 24, 4], [30, 34, 5], [30, 34, 0], [30,34,34], [20, 22, 2]] as const) {
  const s = process.cpuUsage();
  let b;
  for (let k = 0; k < 5; k++) b = blending({ trafficErlangs: a, ahtSeconds: 270, agents: n, outboundReserveAgents: r, outboundAhtSeconds: 300, targetAnswerSeconds: 20 });
  const c = process.cpuUsage(s);
  console.log(a, n, r, ((c.user + c.system) / 5e3).toFixed(2), "ms", b!.serviceLevel, b!.outboundContactsPerHour, b!.truncationError);
}
