/** Agent selection: rank agents for a task. Lexical today; an embedding selector can implement it later. */

export interface SelectableAgent {
  name: string;
  description: string;
  /** The agent file's body; indexed with a low weight. */
  systemPrompt?: string;
  /** claude.json `domains`, indexed like the description. */
  domains?: string[];
}

export interface RankedAgent {
  agent: string;
  score: number;
  /** The top matched terms, e.g. "matched: rest, api (name, description)". */
  reason: string;
}

export interface RankOptions {
  /** How many agents to return (default 3). */
  top?: number;
}

export interface AgentSelector {
  rank(task: string, opts?: RankOptions): RankedAgent[];
}
