/**
 * A hand-written concept lexicon: many surface terms map to one shared concept, so a task that says
 * "session cookie" or "open redirect" meets a description that says "authentication" or "security"
 * although they share no word. Written from domain knowledge (what practitioners call things), not
 * from the accuracy dataset's phrasings. Entries are analysed with the selector's own tokenizer, so
 * "paged", "paging" and "pager" match whatever the stemmer makes of them; multi-word entries match
 * consecutive terms after stop words are dropped.
 */
import { analyse } from "./tokenize.js";

/** concept -> the terms and phrases that evoke it. A term may evoke several concepts. */
export const CONCEPT_LEXICON: Readonly<Record<string, readonly string[]>> = {
  security: [
    "security", "secure", "insecure", "vulnerability", "vulnerable", "exploit", "attacker", "attack", "malicious",
    "cve", "owasp", "asvs", "pentest", "penetration test", "threat model", "stride", "xss", "cross-site scripting",
    "csrf", "ssrf", "sql injection", "command injection", "injection", "open redirect", "clickjacking",
    "path traversal", "directory traversal", "deserialization", "idor", "privilege escalation", "sanitize",
    "sanitise", "escaping", "content security policy", "csp", "hsts", "security headers", "cors", "brute force",
    "credential stuffing", "supply chain", "dependency scanning", "snyk", "dependabot", "audit", "hardening",
    "phishing", "zero day", "waf", "bug bounty", "rate limiting", "leaked", "leak", "exposed", "breach",
  ],
  auth: [
    "authentication", "authorization", "authorisation", "auth", "login", "log in", "logout", "sign in", "signin",
    "sign up", "signup", "session", "cookie", "cookies", "jwt", "token", "refresh token", "access token",
    "bearer", "oauth", "oauth2", "oidc", "openid", "saml", "sso", "single sign-on", "password", "passwords",
    "bcrypt", "argon2", "scrypt", "mfa", "2fa", "totp", "two-factor", "passkey", "webauthn", "magic link",
    "permission", "permissions", "rbac", "abac", "role", "roles", "access control", "acl", "auth0", "keycloak",
    "clerk", "cognito", "identity", "impersonation",
  ],
  crypto: [
    "encrypt", "encryption", "decrypt", "cryptography", "crypto", "aes", "rsa", "ecdsa", "hmac", "signature",
    "signing", "tls", "ssl", "certificate", "certificates", "mtls", "kms", "vault", "key rotation", "rotate",
    "hash", "hashing", "salt", "nonce", "secret", "secrets", "api key", "private key", "keys",
  ],
  payments: [
    "payment", "payments", "stripe", "paypal", "braintree", "adyen", "checkout", "refund", "refunds", "invoice",
    "invoices", "billing", "subscription", "subscriptions", "chargeback", "credit card", "card", "pci",
    "ledger", "payout", "transaction fee", "money",
  ],
  privacy: [
    "pii", "gdpr", "ccpa", "hipaa", "personal data", "personally identifiable", "privacy", "consent",
    "anonymize", "anonymise", "pseudonymize", "right to be forgotten", "data subject", "data retention",
    "soc 2", "soc2", "compliance", "compliant", "regulation", "audit log", "medical", "health records",
  ],
  production: [
    "production", "prod", "live", "customers", "customer", "users", "outage", "incident", "downtime",
    "on-call", "hotfix", "sev1", "sev", "p1", "real users", "live traffic", "uptime", "sla",
  ],
  destructive: [
    "delete", "deletion", "drop", "truncate", "purge", "wipe", "erase", "remove", "rm -rf", "force push",
    "irreversible", "destroy", "overwrite", "migration", "migrate", "backfill", "rollback", "roll back",
    "restore", "backup", "data loss", "corrupt", "corruption",
  ],
  monitoring: [
    "monitoring", "monitor", "alert", "alerts", "alerting", "paged", "pager", "pagerduty", "opsgenie",
    "on-call", "error rate", "error budget", "slo", "sli", "sla", "dashboard", "grafana", "prometheus",
    "datadog", "new relic", "opentelemetry", "otel", "tracing", "distributed tracing", "traces", "metrics",
    "observability", "logging", "log aggregation", "loki", "elk", "kibana", "splunk", "uptime", "health check",
    "latency percentiles", "p99",
  ],
  testing: [
    "test", "tests", "testing", "unit test", "integration test", "end-to-end", "e2e", "flaky", "flake",
    "playwright", "cypress", "selenium", "puppeteer", "jest", "vitest", "mocha", "pytest", "unittest",
    "junit", "mock", "mocks", "mocking", "stub", "fixture", "fixtures", "snapshot", "coverage", "test plan",
    "test case", "test cases", "regression test", "tdd", "qa", "quality assurance", "load test", "k6",
    "jmeter", "locust", "contract test", "pact", "mutation testing", "property-based", "hypothesis",
    "visual regression", "assertion", "test suite",
  ],
  webperf: [
    "lcp", "cls", "inp", "fid", "ttfb", "fcp", "core web vitals", "web vitals", "lighthouse", "pagespeed",
    "page speed", "page load", "slow page", "lazy load", "lazy loading", "bundle size", "code splitting",
    "render-blocking", "image optimization", "image optimisation", "webp", "avif", "preload", "prefetch",
    "cdn", "minify", "tree shaking", "layout shift", "largest contentful paint",
  ],
  seo: [
    "seo", "search engine", "google search", "ranking", "rankings", "serp", "crawl", "crawler", "crawling",
    "googlebot", "indexing", "indexed", "sitemap", "robots.txt", "robots", "canonical", "meta description",
    "meta tags", "title tag", "structured data", "schema.org", "json-ld", "rich results", "hreflang",
    "search console", "backlinks", "organic traffic", "noindex", "open graph",
  ],
  containers: [
    "docker", "dockerfile", "container", "containers", "image", "kubernetes", "k8s", "pod", "pods", "helm",
    "chart", "ingress", "service mesh", "istio", "linkerd", "hpa", "autoscaling", "autoscaler", "kubectl",
    "crashloopbackoff", "oomkilled", "namespace", "statefulset", "daemonset", "node pool", "compose",
    "docker compose", "registry",
  ],
  infrastructure: [
    "infrastructure", "terraform", "pulumi", "cloudformation", "cdk", "ansible", "iac", "aws", "ec2", "s3",
    "rds", "ecs", "eks", "lambda", "vpc", "subnet", "load balancer", "alb", "nlb", "azure", "multi-cloud",
    "networking", "dns", "nginx", "autoscaling group", "high availability", "disaster recovery", "failover",
    "multi-region", "capacity", "nodes", "cluster",
  ],
  gcp: [
    "google cloud", "gcp", "cloud run", "cloud functions", "gke", "firestore", "firebase", "bigquery",
    "pub/sub", "pubsub", "cloud storage", "gcs", "gcloud", "app engine", "cloud sql", "secret manager",
    "cloud build", "artifact registry", "vertex", "vertex ai", "spanner", "cloud scheduler", "cloud tasks",
    "service account", "workload identity", "memorystore", "cloud armor", "cloud logging",
  ],
  delivery: [
    "ci", "ci/cd", "continuous integration", "continuous deployment", "github actions", "workflow", "gitlab",
    "gitlab ci", "jenkins", "circleci", "buildkite", "pipeline", "build", "deploy", "deployment", "release",
    "vercel", "netlify", "render", "heroku", "fly.io", "preview deployment", "preview", "environment variable",
    "environment variables", "env vars", "staging", "blue-green", "blue green", "canary", "rollback", "webhook",
    "artifact", "semantic release", "versioning", "tag",
  ],
  database: [
    "database", "sql", "postgresql", "postgres", "mysql", "mariadb", "sqlite", "index", "indexes", "query",
    "queries", "explain analyze", "query plan", "join", "schema", "table", "tables", "column", "columns",
    "foreign key", "primary key", "constraint", "normalization", "normalisation", "transaction", "isolation",
    "deadlock", "lock", "connection pool", "pgbouncer", "replica", "replication", "sharding", "partition",
    "partitioning", "vacuum", "mongodb", "dynamodb", "orm", "prisma", "sequelize", "sqlalchemy", "n+1",
    "row", "rows",
  ],
  pipelines: [
    "etl", "elt", "airflow", "dagster", "prefect", "spark", "pyspark", "dbt", "data warehouse", "warehouse",
    "lakehouse", "data lake", "snowflake", "bigquery", "redshift", "databricks", "parquet", "avro", "iceberg",
    "delta lake", "kafka", "stream processing", "streaming", "flink", "backfill", "cdc", "debezium",
    "data quality", "great expectations", "ingestion", "ingest", "batch", "dag", "analytics", "reporting",
  ],
  apidesign: [
    "rest", "restful", "endpoint", "endpoints", "resource", "http method", "status code", "status codes",
    "pagination", "paginate", "cursor", "versioning", "graphql", "grpc", "protobuf", "idempotency",
    "idempotent", "rate limit", "error format", "problem details", "hateoas", "webhook", "api contract",
    "backward compatibility", "breaking change", "query parameters", "request body", "response",
  ],
  apidocs: [
    "openapi", "swagger", "api reference", "postman", "postman collection", "redoc", "curl", "sdk",
    "api docs", "api documentation", "endpoint reference", "request example", "response example",
  ],
  writing: [
    "readme", "guide", "tutorial", "how-to", "onboarding", "adr", "architecture decision record", "runbook",
    "changelog", "release notes", "docstring", "docstrings", "comments", "wiki", "documentation", "document",
    "typo", "typos", "proofread", "grammar", "wording", "style guide", "contributing", "faq", "prose",
    "explain", "write-up", "handbook",
  ],
  frontendarch: [
    "ssr", "ssg", "isr", "spa", "server-side rendering", "static site", "rendering strategy", "hydration",
    "state management", "redux", "zustand", "mobx", "jotai", "recoil", "react query", "tanstack", "swr",
    "micro-frontend", "micro-frontends", "monorepo", "nx", "turborepo", "webpack", "vite", "rollup",
    "module federation", "app router", "pages router", "server components", "framework", "next.js", "nextjs",
    "remix", "sveltekit", "nuxt", "angular", "vue", "architecture",
  ],
  frontenddev: [
    "page", "screen", "form", "forms", "validation", "react hook form", "formik", "loading state", "spinner",
    "toast", "modal", "responsive", "tailwind", "css", "layout", "flexbox", "grid", "button", "navbar",
    "sidebar", "fetch", "axios", "useeffect", "usestate", "hook", "hooks", "jsx", "tsx", "react", "component",
    "click", "render", "re-render", "mobile", "safari", "browser", "infinite scroll", "upload",
  ],
  uicomponents: [
    "design system", "component library", "storybook", "design tokens", "tokens", "theming", "theme",
    "dark mode", "variants", "variant", "props", "aria", "accessibility", "a11y", "accessible",
    "keyboard navigation", "focus trap", "focus", "screen reader", "combobox", "dropdown", "select",
    "date picker", "datepicker", "tabs", "tooltip", "popover", "radix", "shadcn", "headless ui", "wcag",
    "reusable", "primitive", "data table", "figma", "css-in-js", "styled-components",
  ],
  python: [
    "python", "pip", "venv", "virtualenv", "poetry", "uv", "pyproject", "setup.py", "mypy", "pyright",
    "pydantic", "dataclass", "dataclasses", "asyncio", "await", "decorator", "decorators", "generator",
    "generators", "yield", "comprehension", "comprehensions", "flask", "fastapi", "django", "pandas", "numpy",
    "gil", "typing", "type hints", "def", "__init__", "lambda", "itertools", "functools", "pathlib", "argparse",
    "click", "typer", "traceback", "pep", "ruff", "black", "flake8",
  ],
  backendarch: [
    "microservice", "microservices", "monolith", "service boundaries", "event-driven", "events",
    "message queue", "queue", "queues", "kafka", "rabbitmq", "sqs", "sns", "nats", "background job",
    "background jobs", "worker", "workers", "celery", "sidekiq", "bullmq", "cache", "caching", "redis",
    "memcached", "circuit breaker", "retry", "retries", "backoff", "saga", "cqrs", "event sourcing",
    "multi-tenant", "multi-tenancy", "tenant", "scalability", "scale", "scaling", "throughput",
    "domain-driven", "ddd", "service", "services", "backend", "server", "architecture", "outbox",
  ],
  debugging: [
    "bug", "bugs", "crash", "crashes", "crashing", "error", "errors", "exception", "stack trace", "stacktrace",
    "traceback", "segfault", "panic", "memory leak", "leak", "race condition", "deadlock", "hang", "hangs",
    "freeze", "timeout", "timeouts", "intermittent", "intermittently", "regression", "works locally",
    "fails in ci", "econnrefused", "500", "null pointer", "undefined", "nan", "root cause", "debug",
    "debugging", "reproduce", "repro", "post-mortem", "postmortem", "heap", "oom", "broken", "fails",
    "failing", "wrong", "unexpected", "randomly", "sometimes", "stopped working", "why",
  ],
  review: [
    "review", "code review", "pull request", "merge request", "diff", "code smell", "smell", "readability",
    "maintainability", "naming", "best practices", "feedback", "nitpick", "approve", "critique",
    "second opinion", "look over", "clean code", "solid", "dry",
  ],
  llmapps: [
    "llm", "llms", "gpt", "claude api", "anthropic api", "openai", "anthropic", "rag", "retrieval",
    "embedding", "embeddings", "vector", "vector database", "pgvector", "pinecone", "qdrant", "weaviate",
    "chroma", "faiss", "langchain", "llamaindex", "fine-tune", "fine-tuning", "model serving", "inference",
    "chatbot", "tool use", "function calling", "agent", "agents", "semantic search", "huggingface",
    "transformers", "reranking", "chunking", "context window", "tokens", "evals", "machine learning", "ml",
    "model", "models",
  ],
  prompting: [
    "prompt", "prompts", "system prompt", "few-shot", "few shot", "chain of thought", "instruction",
    "instructions", "output format", "hallucination", "hallucinate", "hallucinates", "jailbreak",
    "prompt injection", "persona", "temperature", "rubric", "wording", "xml tags", "role prompt",
  ],
  claudecode: [
    "claude code", "subagent", "subagents", "slash command", "slash commands", "hook", "hooks", "pretooluse",
    "posttooluse", "claude.md", "mcp", "mcp server", "model context protocol", "skill", "skills", "skill.md",
    "settings.json", "allowed tools", "claude -p", "headless", ".claude",
  ],
};

/** Phrase (space-joined analysed terms) -> concepts; built once. */
let compiled: { phrases: Map<string, string[]>; maxLength: number } | null = null;

function compile(): { phrases: Map<string, string[]>; maxLength: number } {
  const phrases = new Map<string, string[]>();
  let maxLength = 1;
  for (const [concept, entries] of Object.entries(CONCEPT_LEXICON)) {
    for (const entry of entries) {
      const terms = analyse(entry).map((t) => t.term);
      if (terms.length === 0) continue;
      const key = terms.join(" ");
      const list = phrases.get(key) ?? [];
      if (!list.includes(concept)) list.push(concept);
      phrases.set(key, list);
      maxLength = Math.max(maxLength, terms.length);
    }
  }
  return { phrases, maxLength };
}

/**
 * The concepts evoked by a sequence of analysed terms, one entry per match (a concept evoked twice
 * appears twice). Longer phrases are tried first at each position and consume their terms.
 */
export function conceptsOf(terms: readonly string[]): string[] {
  compiled ??= compile();
  const { phrases, maxLength } = compiled;
  const out: string[] = [];
  let i = 0;
  while (i < terms.length) {
    let step = 1;
    for (let len = Math.min(maxLength, terms.length - i); len >= 1; len--) {
      const hit = phrases.get(terms.slice(i, i + len).join(" "));
      if (hit) {
        out.push(...hit);
        step = len;
        break;
      }
    }
    i += step;
  }
  return out;
}
