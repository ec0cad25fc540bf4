export interface WorkflowStep {
  agent: string;
  /** The step's own instruction, put before the user's request. */
  task?: string;
}

export interface WorkflowDefinition {
  name: string;
  description: string;
  steps: WorkflowStep[];
  source: "builtin" | "config";
}

export interface WorkflowRegistry {
  /** Sorted by name. */
  list(): WorkflowDefinition[];
  /** Throws NOT_FOUND with suggestions. */
  get(name: string): WorkflowDefinition;
  has(name: string): boolean;
  readonly size: number;
}
