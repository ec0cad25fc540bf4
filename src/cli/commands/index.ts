import type { Command } from "commander";
import { register as agents } from "./agents.js";
import { register as bench } from "./bench.js";
import { register as history } from "./history.js";
import { register as metrics } from "./metrics.js";
import { register as mockServer } from "./mock-server.js";
import { register as pick } from "./pick.js";
import { register as profile } from "./profile.js";
import { register as report } from "./report.js";
import { register as route } from "./route.js";
import { register as run } from "./run.js";
import { register as worker } from "./worker.js";
import { register as workflow } from "./workflow.js";

/** Every top-level command, in help order. Each module only registers flags; actions import lazily. */
export const COMMANDS: Array<(program: Command) => void> = [
  run,
  workflow,
  agents,
  pick,
  route,
  bench,
  report,
  history,
  metrics,
  mockServer,
  profile,
  worker,
];
