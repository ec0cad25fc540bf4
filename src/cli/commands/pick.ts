import type { Command } from "commander";
import { ClaudeForceError } from "../../errors.js";

// Placeholder registered during scaffolding; replaced by the real command module.
export function register(program: Command): void {
  program
    .command("pick")
    .description("(not built yet)")
    .action(() => {
      throw new ClaudeForceError("USAGE", "command 'pick' is not built yet");
    });
}
