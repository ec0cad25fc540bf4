/**
 * One error type for the whole toolkit. Library code throws `ClaudeForceError` with a code;
 * the CLI entry point maps the code to an exit code and prints one line (stack only with --debug).
 */
export type ErrorCode =
  | "USAGE" // bad flags or arguments
  | "CONFIG" // a config file is malformed or has a wrong value
  | "INPUT" // a data file (agent, suite, results, baseline) is malformed or missing
  | "NOT_FOUND" // unknown agent, workflow, scenario, model, run id
  | "PROVIDER" // provider cannot be used at all (no key, unreachable base URL)
  | "REGRESSION" // a regression gate or budget failed
  | "RUN_FAILED" // the requested execution ran and failed
  | "INTERRUPTED" // SIGINT / SIGTERM
  | "INTERNAL"; // a bug

export const EXIT_CODES: Record<ErrorCode, number> = {
  USAGE: 2,
  CONFIG: 2,
  INPUT: 2,
  NOT_FOUND: 2,
  PROVIDER: 3,
  REGRESSION: 1,
  RUN_FAILED: 1,
  INTERRUPTED: 130,
  INTERNAL: 70,
};

export interface ErrorDetails {
  /** File the problem is in, when there is one. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** Dotted key path such as `agents.python-expert.priority`. */
  keyPath?: string;
  /** What was expected and what was found. */
  expected?: string;
  found?: string;
  /** A hint that tells the user how to fix it. */
  hint?: string;
}

export class ClaudeForceError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClaudeForceError";
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }

  /** One line for the terminal: `file:line: key: message (expected X, found Y). hint` */
  toLine(): string {
    const d = this.details;
    const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : "";
    const key = d.keyPath ? `${d.keyPath}: ` : "";
    const ef =
      d.expected || d.found
        ? ` (expected ${d.expected ?? "?"}${d.found !== undefined ? `, found ${d.found}` : ""})`
        : "";
    const hint = d.hint ? `. ${d.hint}` : "";
    return `${where}${key}${this.message}${ef}${hint}`;
  }
}

export function isClaudeForceError(e: unknown): e is ClaudeForceError {
  return e instanceof ClaudeForceError;
}
