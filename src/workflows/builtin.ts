/**
 * Built-in workflows: the guide's two (code-quality-check, documentation-generation) and the ten
 * of the original tool, with its agent orders. Each step's task is put before the user's request;
 * from step 2 on, the agent also receives the previous step's output.
 */
import type { WorkflowDefinition } from "./types.js";

type Spec = [name: string, description: string, steps: Array<[agent: string, task: string]>];

const SPECS: Spec[] = [
  [
    "code-quality-check",
    "Code review, then a security pass, then a test plan for the same code.",
    [
      [
        "code-reviewer",
        "Review the code below for correctness, readability and maintainability; list concrete issues with line references, most severe first.",
      ],
      [
        "security-specialist",
        "Do a security pass over the code below and the review so far: injection, authentication, secrets, unsafe input handling (OWASP Top 10). Rate each finding and give the fix.",
      ],
      [
        "qc-automation-expert",
        "Write a test plan for the code below that covers the issues found so far: unit tests with concrete inputs and expected results, edge cases and one regression test per finding.",
      ],
    ],
  ],
  [
    "documentation-generation",
    "Technical documentation, then an API reference for the same subject.",
    [
      [
        "document-writer-expert",
        "Write clear technical documentation for the subject below: purpose, concepts, a quick start and usage examples, in Markdown.",
      ],
      [
        "api-documenter",
        "From the subject below and the documentation so far, write the API reference: each endpoint or function with parameters, types, return values, errors and an example (OpenAPI where it fits).",
      ],
    ],
  ],
  [
    "full-stack-feature",
    "A feature from architecture to deployment: frontend, data, backend, security, UI, SEO, tests, review, release.",
    [
      [
        "frontend-architect",
        "Design the frontend architecture for the feature below: routes, state and data flow, component boundaries.",
      ],
      [
        "database-architect",
        "Design the data model for the feature below: tables, keys, indexes and the migration.",
      ],
      [
        "backend-architect",
        "Design the API and services for the feature below: endpoints, authn/authz, error taxonomy.",
      ],
      [
        "security-specialist",
        "Threat-model the design so far for the feature below and list the controls it needs.",
      ],
      [
        "python-expert",
        "Implement the backend of the feature below in typed Python following the design so far.",
      ],
      [
        "ui-components-expert",
        "Specify the reusable UI components the feature below needs: props, states and accessibility.",
      ],
      [
        "seo-performance-expert",
        "Review the feature below for SEO and Core Web Vitals; list concrete improvements.",
      ],
      [
        "frontend-developer",
        "Implement the frontend of the feature below (React/Next.js) using the components and API so far.",
      ],
      [
        "qc-automation-expert",
        "Write the automated tests for the feature below: unit, integration and one end-to-end journey.",
      ],
      [
        "code-reviewer",
        "Review the implementation of the feature below for correctness, security and maintainability.",
      ],
      [
        "deployment-integration-expert",
        "Plan the release of the feature below: configuration, CI/CD changes and rollback.",
      ],
    ],
  ],
  [
    "frontend-only",
    "A frontend feature: architecture, components, SEO, implementation, tests, review.",
    [
      [
        "frontend-architect",
        "Design the frontend architecture for the request below: routes, state, data flow.",
      ],
      [
        "ui-components-expert",
        "Specify the reusable components the request below needs: props, states, accessibility.",
      ],
      ["seo-performance-expert", "Review the plan for the request below for SEO and Core Web Vitals."],
      ["frontend-developer", "Implement the request below in React/TypeScript following the plan so far."],
      ["qc-automation-expert", "Write component and end-to-end tests for the request below."],
      ["code-reviewer", "Review the frontend code for the request below; list concrete issues."],
    ],
  ],
  [
    "backend-only",
    "A backend feature: API design, data model, security, implementation, tests, review.",
    [
      [
        "backend-architect",
        "Design the API and services for the request below: endpoints, authn/authz, errors.",
      ],
      ["database-architect", "Design the schema, indexes and migration for the request below."],
      [
        "security-specialist",
        "Review the backend design for the request below against OWASP; list required controls.",
      ],
      ["python-expert", "Implement the backend for the request below in typed Python following the design."],
      ["qc-automation-expert", "Write unit and integration tests for the backend of the request below."],
      ["code-reviewer", "Review the backend implementation for the request below; list concrete issues."],
    ],
  ],
  [
    "infrastructure",
    "Infrastructure: architecture, Google Cloud setup, deployment pipeline, security review.",
    [
      [
        "devops-architect",
        "Design the infrastructure for the request below: containers, orchestration, IaC, monitoring.",
      ],
      [
        "google-cloud-expert",
        "Map the design for the request below onto Google Cloud services with IAM roles.",
      ],
      [
        "deployment-integration-expert",
        "Write the CI/CD pipeline and environment configuration for the request below.",
      ],
      [
        "security-specialist",
        "Review the infrastructure for the request below: secrets, network exposure, least privilege.",
      ],
    ],
  ],
  [
    "bug-fix",
    "Find the root cause, review the fix, add regression tests.",
    [
      [
        "bug-investigator",
        "Find the root cause of the problem below; explain the evidence and propose a minimal fix.",
      ],
      [
        "code-reviewer",
        "Review the proposed fix for the problem below: is it correct and complete, and what could it break?",
      ],
      [
        "qc-automation-expert",
        "Write regression tests that fail before the fix and pass after it for the problem below.",
      ],
    ],
  ],
  [
    "documentation",
    "Technical documentation, then the API reference.",
    [
      [
        "document-writer-expert",
        "Write the technical documentation for the subject below: overview, guides, examples.",
      ],
      [
        "api-documenter",
        "Write the API reference for the subject below: OpenAPI, parameters, errors, examples.",
      ],
    ],
  ],
  [
    "ai-ml-development",
    "An AI/ML feature: system design, prompts, data, implementation, review.",
    [
      [
        "ai-engineer",
        "Design the AI system for the request below: model choice, retrieval, evaluation, serving.",
      ],
      ["prompt-engineer", "Write and justify the prompts for the request below, with an evaluation plan."],
      [
        "data-engineer",
        "Design the data pipeline the request below needs: sources, transforms, quality checks.",
      ],
      [
        "python-expert",
        "Implement the core of the request below in typed Python following the design so far.",
      ],
      ["code-reviewer", "Review the implementation for the request below; list concrete issues."],
    ],
  ],
  [
    "data-pipeline",
    "A data pipeline: design, storage, implementation, review.",
    [
      [
        "data-engineer",
        "Design the pipeline for the request below: ingestion, transforms, scheduling, data quality.",
      ],
      ["database-architect", "Design the storage for the request below: schema, partitioning, indexes."],
      ["python-expert", "Implement the pipeline for the request below in typed Python."],
      [
        "code-reviewer",
        "Review the pipeline code for the request below for correctness and failure handling.",
      ],
    ],
  ],
  [
    "llm-integration",
    "Integrating an LLM into a product: prompts, AI design, backend, security, review.",
    [
      ["prompt-engineer", "Design the prompts and function-calling schema for the request below."],
      [
        "ai-engineer",
        "Design the LLM integration for the request below: retrieval, caching, evaluation, cost.",
      ],
      [
        "backend-architect",
        "Design the backend API around the LLM for the request below: timeouts, retries, limits.",
      ],
      [
        "security-specialist",
        "Review the request below for prompt injection, data leakage and key handling.",
      ],
      [
        "code-reviewer",
        "Review the integration design and code for the request below; list concrete issues.",
      ],
    ],
  ],
  [
    "claude-code-system",
    "A Claude Code agent system: design, implementation, documentation.",
    [
      [
        "claude-code-expert",
        "Design the Claude Code setup for the request below: agents, hooks, skills, MCP servers.",
      ],
      ["python-expert", "Implement any scripts or hooks the request below needs, in typed Python."],
      [
        "document-writer-expert",
        "Document the Claude Code setup for the request below for the team that will use it.",
      ],
    ],
  ],
];

export const BUILTIN_WORKFLOWS: readonly WorkflowDefinition[] = SPECS.map(([name, description, steps]) => ({
  name,
  description,
  steps: steps.map(([agent, task]) => ({ agent, task })),
  source: "builtin",
}));
