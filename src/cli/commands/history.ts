import type { Command } from "commander";
import { ClaudeForceError } from "../../errors.js";

// Placeholder registered during scaffolding; replaced by the real command module.
export function register(program: Command): void {
  program
    .command("history")
    .description("(not built yet)")
    .action(() => {
      throw new ClaudeForceError("USAGE", "command 'history' is not built yet");
    });
}
