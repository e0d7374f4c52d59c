/**
 * The English message catalogue: every user-facing word of the plan report (`report.html`,
 * `report.md`), its charts, and the summary `wfm plan` prints. The renderers take their wording
 * from here (through {@link Messages}); other locales implement the same type, so a key missing
 * from a translation is a compile error.
 *
 * Functions receive their figures already formatted for the locale (digits, separators, dates),
 * so a translation only places them in its own word order.
 *
 * @module
 */

/** The English catalogue (the source of the {@link Messages} type). */
export const en = {
  /** Word for a missing value. */
  none: "-",
  list: ", ",
  document: {
    headline: "headline",
    value: "value",
    note: "note",
    chartPointer: (title: string, file: string) => `_Chart: ${title} (see ${file})._`,
  },
  period: {
    /** The plan's period as a label, e.g. `2026-12`. */
    label: (label: string) => label,
    subtitle: (p: { start: string; end: string; lastDay: string; days: string; intervalMinutes: string; calendar: string }) =>
      `${p.start} to ${p.end} (exclusive), ${p.days} days, ${p.intervalMinutes}-minute intervals, ${p.calendar} calendar`,
    calendars: { gregorian: "gregorian", persian: "persian" },
  },
  title: (name: string, period: string) => `${name}: plan for ${period}`,
  footer: (period: string, currency: string) => `wfm plan, ${period}. Money in ${currency}; ratios as percentages; times are local.`,
  money: (currency: string, amount: string) => `${currency} ${amount}`.trim(),
  headline: {
    contacts: "forecast contacts",
    channelContacts: (channel: string, contacts: string) => `${channel} ${contacts}`,
    agentFte: "agent FTE",
    withSupporting: (fte: string) => `${fte} with supporting staff`,
    serviceLevel: "expected service level",
    ofStaffingPlan: "of the staffing plan",
    ofSchedule: "of the shift schedule",
    totalCost: "total cost",
    fromSchedule: "from the shift schedule",
    fromStaffingPlan: "from the staffing plan",
    costPerHandledMinute: "cost per handled minute",
    costPerContact: "cost per contact",
    costPerOrder: "cost per order",
    noSalesTarget: "no sales target given",
    ordersPlanned: (orders: string) => `${orders} orders planned`,
  },
  lastMonth: {
    title: (month: string) => `1. Last month: ${month}`,
    tableTitle: (month: string, previous: string | null) => `KPIs of ${month}${previous === null ? "" : ` (previous month ${previous} in the data)`}`,
    kpi: "KPI",
    offered: "offered",
    answered: "answered",
    abandonRate: "abandonment rate",
    serviceLevel: "service level (within T / offered)",
    asa: "ASA (s)",
    aht: "AHT (s)",
    occupancy: "occupancy",
    contactsPerOrder: "contacts per order",
    tickets: (t: { month: string; created: string; resolved: string; fcr: string; mttr: string }) =>
      `Tickets created in ${t.month}: ${t.created} (${t.resolved} resolved); FCR ${t.fcr}, MTTR ${t.mttr}.`,
    hours: (hours: string) => `${hours} h`,
  },
  forecast: {
    title: (period: string) => `2. Forecast for ${period}`,
    intro: (p: { lowerPercent: string; upperPercent: string; planTo: "point" | "quantile"; quantilePercent: string }) =>
      `Contacts per day: the history and the forecast, with the band between the ${p.lowerPercent} and ${p.upperPercent} quantiles of the interval forecasts, summed per day (calibrated from backtest errors). Staffing plans to the ${
        p.planTo === "point" ? "point forecast" : `${p.quantilePercent} quantile`
      }.`,
    chartTitle: "History and forecast, contacts per day",
    backtestTitle: "Backtest: hourly accuracy of each method (rolling weekly origins, only data before each origin)",
    columns: { channel: "channel", method: "method", wape: "WAPE", mape: "MAPE", bias: "bias", rmse: "RMSE", used: "used" },
    yes: "yes",
    channelNote: (p: { channel: string; contacts: string; method: string; origins: string; coverage: string; anomalous: string; days: string | null }) =>
      `${p.channel}: ${p.contacts} contacts with ${p.method}; ${p.origins} backtest origins; upper-bound coverage ${p.coverage}; ${p.anomalous} anomalous day(s) left out of the fits${p.days === null ? "" : ` (${p.days})`}.`,
    warning: (channel: string, warning: string) => `${channel}: ${warning}`,
    methods: {} as Readonly<Record<string, string>>,
  },
  staffing: {
    title: "3. Staffing",
    intro: (hoursPerFte: string) =>
      `Agents needed per interval and channel (Erlang C or A for voice, the concurrency chain for chat), grossed up for shrinkage. One FTE is ${hoursPerFte} paid hours a month.`,
    columns: {
      channel: "channel",
      contacts: "contacts",
      serviceLevel: "service level",
      asa: "ASA (s)",
      occupancy: "occupancy",
      paidHours: "paid hours",
      fte: "FTE",
      peakAgents: "peak agents",
    },
    all: "all",
    supportingTitle: "Supporting staff",
    supportingColumns: { role: "role", fte: "FTE", headcount: "headcount" },
  },
  schedule: {
    title: "4. Shift schedule",
    intro:
      "Shifts chosen by a MIP (HiGHS) at the least paid cost plus a penalty per agent-hour of shortfall; every solution is re-verified from its integer counts. Agents on break are not on the floor.",
    coverageTitle: "Required and scheduled agents per interval",
    coverageCaption: "Scheduled agents are on the floor (breaks subtracted); all teams together.",
    heatmapTitle: "Shortfall and excess by day and hour",
    heatmapCaption: "Agent-hours scheduled minus required: red is short, blue is over.",
    columns: {
      team: "team",
      status: "status",
      gap: "gap",
      shifts: "shifts",
      paidHours: "paid hours",
      shortfall: "shortfall h",
      excess: "excess h",
      efficiency: "efficiency",
      serviceLevel: "service level",
    },
    statuses: {} as Readonly<Record<string, string>>,
  },
  cost: {
    title: "5. Cost",
    intro: (period: string, basis: string, currency: string) =>
      `Projected cost of ${period} from the ${basis}, in ${currency}; money is exact decimal until this output and the lines add up to the total.`,
    chartTitle: "Cost breakdown",
    columns: { line: "line", category: "category", quantity: "quantity", unit: "unit", rate: "rate", amount: (currency: string) => `amount ${currency}` },
    total: "total",
    perChannelTitle: "Per channel",
    perChannelColumns: {
      channel: "channel",
      cost: (currency: string) => `cost ${currency}`,
      handledContacts: "handled contacts",
      handledMinutes: "handled minutes",
      perContact: "per contact",
      perHandledMinute: "per handled minute",
    },
    categories: {} as Readonly<Record<string, string>>,
    units: {} as Readonly<Record<string, string>>,
  },
  scenarios: {
    title: "6. What-if scenarios",
    intro:
      "Each scenario recomputes the staffing plan and its cost. Scenarios are costed from the staffing plan, not from a new schedule, so they compare like with like: their base is the staffing plan's cost, below the schedule's cost in section 5 by the hours that shift shapes and breaks add.",
    chartTitle: "Total cost by scenario",
    chartAxis: (currency: string) => `total cost ${currency}`,
    base: "base (staffing plan)",
    columns: {
      scenario: "scenario",
      agentFte: "agent FTE",
      total: (currency: string) => `total ${currency}`,
      vsBase: "vs base",
      perMinute: "per minute",
      perContact: "per contact",
      perOrder: "per order",
      serviceLevel: "service level",
    },
    delta: (amount: string, percent: string) => `${amount} (${percent})`,
    description: (name: string, description: string) => `${name}: ${description}`,
  },
  charts: {
    contactsPerDay: "contacts per day",
    history: "history",
    forecast: "forecast",
    agentsOnFloor: "agents on the floor",
    required: "required",
    scheduled: "scheduled",
    hourOfDay: "hour of day",
    balance: "over (+) / under (-)",
  },
  staff: {
    title: (p: { file: string; first: string; last: string; days: string; dayCount: number; intervalMinutes: string }) =>
      `Staffing plan for ${p.file}: ${p.first} to ${p.last} (${p.days} day${p.dayCount === 1 ? "" : "s"}, ${p.intervalMinutes}-minute intervals)`,
    deferred: (name: string, hours: string) => `${name}: deferred work, answered within ${hours} h`,
    target: (serviceLevel: string, seconds: string) => `${serviceLevel}/${seconds} s`,
    asaCap: (seconds: string) => `ASA <= ${seconds} s`,
    occupancyCap: (percent: string) => `occupancy <= ${percent}`,
    minimumAgents: (agents: string, count: number) => `at least ${agents} agent${count === 1 ? "" : "s"}`,
    erlangC: "Erlang C",
    erlangA: (patienceSeconds: string) => `Erlang A (patience ${patienceSeconds} s)`,
    voice: (name: string, model: string, target: string, extras: readonly string[]) => `${name}: ${model}, target ${target}${extras.length > 0 ? `, ${extras.join(", ")}` : ""}`,
    chat: (p: { name: string; chats: string; chatCount: number; extraPercent: string; target: string; extras: readonly string[] }) =>
      `${p.name}: ${p.chats} chat${p.chatCount === 1 ? "" : "s"} at once per agent (+${p.extraPercent} handle time per extra chat), target ${p.target}${p.extras.length > 0 ? `, ${p.extras.join(", ")}` : ""}`,
    intervals: "Intervals",
    days: "Days",
    period: "Period",
    supporting: (agentFte: string, hoursPerFte: string) => `Supporting staff (sized from ${agentFte} agent FTE; one FTE = ${hoursPerFte} h a month)`,
    basisRatio: (agents: string) => `1 per ${agents} agents`,
    basisFixed: "fixed",
    supportTotal: "support total",
    totalFte: (agents: string, supporting: string, total: string) => `Total FTE: ${agents} agents + ${supporting} supporting = ${total}`,
    all: "all",
    columns: {
      timestamp: "timestamp",
      date: "date",
      channel: "channel",
      calls: "calls",
      ahtSeconds: "AHT s",
      trafficErlangs: "erlangs",
      requiredAgents: "required",
      scheduledAgents: "scheduled",
      serviceLevel: "SL",
      asaSeconds: "ASA s",
      occupancy: "occ",
      waitProbability: "P(wait)",
      abandonProbability: "aband",
      shrinkage: "shrink",
      backlog: "backlog",
      answeredWithinTarget: "in window",
      agentHoursOnContacts: "on contacts h",
      requiredAgentHours: "required h",
      scheduledHours: "scheduled h",
      fte: "FTE",
      peakRequiredAgents: "peak req",
      peakScheduledAgents: "peak sched",
      role: "role",
      basis: "basis",
      headcount: "headcount",
    },
  },
  cli: {
    written: (name: string, period: string, out: string, files: string) => `${name}: plan for ${period} written to ${out}/ (${files})`,
    contacts: "forecast contacts",
    agentFte: "agent FTE",
    serviceLevel: "service level",
    totalCost: "total cost",
    perHandledMinute: "per handled minute",
    perContact: "per contact",
    perOrder: "per order",
    scenarios: "scenarios",
    contactsValue: (contacts: string, byChannel: string) => `${contacts} (${byChannel})`,
    fteValue: (agent: string, total: string) => `${agent} (${total} with supporting staff)`,
    serviceLevelValue: (sl: string, fromSchedule: boolean) => `${sl} expected${fromSchedule ? " from the schedule" : ""}`,
    scheduleLabel: (team: string) => `schedule ${team}`,
    scheduleValue: (t: { status: string; gap: string; shifts: string; paidHours: string; shortfall: string }) =>
      `${t.status}, gap ${t.gap}, ${t.shifts} shifts, ${t.paidHours} paid h, shortfall ${t.shortfall} agent-h`,
    open: (out: string) => `open ${out}/report.html in a browser`,
  },
};

/**
 * The shape every locale's catalogue has: the English catalogue's keys with the same types, so a
 * translation that leaves a key out (or changes a function's parameters) does not compile.
 */
export type Messages = typeof en;
