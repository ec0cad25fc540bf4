#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // main() handles its own errors; this is a last resort.
    console.error(`claude-force: internal error: ${err?.message ?? err}`);
    process.exitCode = 70;
  },
);
