/**
 * The worker-thread side of {@link planStaffingInWorkers}: answers each task (a chunk of channel
 * jobs) with `staffChannels`, the columns transferred. Built as its own entry
 * (`dist/staffing-worker.js`).
 *
 * @module
 */
import { staffChannels, type PlanColumnsData, type StaffingChannelJob } from "../staffing/plan.js";
import { serveTasks } from "./worker-pool.js";

serveTasks<{ jobs: readonly StaffingChannelJob[] }, PlanColumnsData>(({ jobs }) => {
  const { data, transfer } = staffChannels(jobs).toMessage();
  return { result: data, transfer };
});
