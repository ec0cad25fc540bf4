// Runs the CLI from source (through tsx) so CLI tests need no build step.
import { main } from "../../src/cli/main.js";

main(process.argv).then((code) => {
  process.exitCode = code;
});
