/** The machine a perf run happened on, for the report header. */
import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average at the start and end: other work on the machine skews numbers. */
  loadStart: number;
  loadEnd?: number;
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    loadStart: loadavg()[0] ?? 0,
  };
}

export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}
