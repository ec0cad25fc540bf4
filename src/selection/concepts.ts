/**
 * A hand-written concept lexicon: many surface terms map to one shared concept, so a task that says
 * "session cookie" or "open redirect" meets a description that says "authentication" or "security"
 * although they share no word. Written from domain knowledge (what practitioners call things), not
 * from the accuracy dataset's phrasings. Entries are analysed with the selector's own tokenizer, so
 * "alerts" and "alerting" match whatever the stemmer makes of them, and multi-word entries match
 * consecutive terms after stop words are dropped. An entry written "=word" matches that exact word
 * only, for words whose stem is another common word ("paged" stems to "page").
 */
import { analyse } from "./tokenize.js";

/** concept -> the terms and phrases that evoke it. A term may evoke several concepts. */
// biome-ignore format: dense word lists read better than one term per line
export const CONCEPT_LEXICON: Readonly<Record<string, readonly string[]>> = {
  security: [
    "security", "secure", "insecure", "vulnerability", "vulnerable", "exploit", "attacker", "attack", "malicious",
    "cve", "owasp", "asvs", "pentest", "penetration test", "threat model", "stride", "xss", "cross-site scripting",
    "csrf", "ssrf", "sql injection", "command injection", "injection", "open redirect", "clickjacking",
    "path traversal", "directory traversal", "deserialization", "idor", "privilege escalation", "sanitize",
    "sanitise", "escaping", "content security policy", "csp", "hsts", "security headers", "cors", "brute force",
    "credential stuffing", "supply chain", "dependency scanning", "snyk", "dependabot", "audit", "hardening",
    "phishing", "zero day", "waf", "bug bounty", "rate limiting", "leaked", "leak", "exposed", "breach",
    "secure coding", "input validation", "rce", "remote code execution", "csrf token", "samesite", "httponly", "session fixation", "account takeover", "mass assignment", "secrets scanning", "gitleaks", "trufflehog", "semgrep", "sast", "dast", "zap", "burp", "vulnerability scan", "security review", "hack", "hacked", "ddos", "bot protection", "captcha", "allowlist", "denylist", "authorization header", "tokens in logs", "secrets in logs", "log redaction", "unsafe deserialization", "yaml.load", "pickle", 
  ],
  auth: [
    "authentication", "authorization", "authorisation", "auth", "login", "logout", "signin", "signup", "session", "cookie", "cookies", "jwt", "token", "refresh token", "access token",
    "bearer", "oauth", "oauth2", "oidc", "openid", "saml", "sso", "single sign-on", "password", "passwords",
    "bcrypt", "argon2", "scrypt", "mfa", "2fa", "totp", "passkey", "webauthn", "magic link",
    "permission", "permissions", "rbac", "abac", "role", "roles", "access control", "acl", "auth0", "keycloak",
    "clerk", "cognito", "identity", "impersonation",
    "authenticate", "authorize", "sessions", "reset password", "password reset", "forgot password", "sso login", "identity provider", "idp", "scim", "service-to-service auth", "api token", "personal access token", "login page",
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
    "pricing", "coupon", "discount", "tax", "vat", "currency", "webhook signature", "metered billing", "dunning", "receipt", 
  ],
  privacy: [
    "pii", "gdpr", "ccpa", "hipaa", "personal data", "personally identifiable", "privacy", "consent",
    "anonymize", "anonymise", "pseudonymize", "right to be forgotten", "data subject", "data retention",
    "soc 2", "soc2", "compliance", "compliant", "regulation", "audit log", "medical", "health records",
    "data protection", "dpa", "data export", "data deletion", "retention policy", "cookie banner", "cookie consent", "masking", "redact", "redaction", "encryption at rest",
  ],
  production: [
    "production", "prod", "live", "customers", "customer", "users", "outage", "incident", "downtime",
    "oncall", "hotfix", "sev1", "sev", "p1", "real users", "live traffic", "uptime", "sla",
  ],
  destructive: [
    "delete", "deletion", "drop", "truncate", "purge", "wipe", "erase", "remove", "rm -rf", "force push",
    "irreversible", "destroy", "overwrite", "migration", "migrate", "backfill", "rollback", "roll back",
    "restore", "backup", "data loss", "corrupt", "corruption",
  ],
  monitoring: [
    "monitoring", "monitor", "alert", "alerts", "alerting", "=paged", "=paging", "pager", "pagerduty", "opsgenie",
    "oncall", "error rate", "error budget", "slo", "sli", "sla", "dashboard", "grafana", "prometheus",
    "datadog", "new relic", "opentelemetry", "otel", "tracing", "distributed tracing", "traces", "metrics",
    "observability", "logging", "log aggregation", "loki", "elk", "kibana", "splunk", "uptime", "health check",
    "latency percentiles", "p99",
    "apm", "sentry", "honeycomb", "jaeger", "zipkin", "statsd", "cloudwatch", "alert fatigue", "noisy alerts", "runbook", "synthetic monitoring", "status page", "heartbeat", "golden signals", "red metrics",
  ],
  testing: [
    "test", "tests", "testing", "unit test", "integration test", "end-to-end", "e2e", "flaky", "flake",
    "playwright", "cypress", "selenium", "puppeteer", "jest", "vitest", "mocha", "pytest", "unittest",
    "junit", "mock", "mocks", "mocking", "stub", "fixture", "fixtures", "snapshot", "coverage", "test plan",
    "test case", "test cases", "regression test", "tdd", "qa", "quality assurance", "load test", "k6",
    "jmeter", "locust", "contract test", "pact", "mutation testing", "property-based", "hypothesis",
    "visual regression", "assertion", "test suite",
    "testcontainers", "msw", "mock service worker", "supertest", "react testing library", "testing library", "storybook tests", "golden files", "test data", "factories", "seed data", "smoke test", "acceptance test", "bdd", "cucumber", "gherkin", "test flakiness", "retries in tests", "code coverage", "istanbul", "nyc", "matcher", "matchers", "toequal", "tostrictequal", "tobe", "expect", "assert", "asserts",
  ],
  webperf: [
    "lcp", "cls", "inp", "fid", "ttfb", "fcp", "core web vitals", "web vitals", "lighthouse", "pagespeed",
    "page speed", "page load", "slow page", "lazy load", "lazy loading", "bundle size", "code splitting",
    "render-blocking", "image optimization", "image optimisation", "webp", "avif", "preload", "prefetch",
    "cdn", "minify", "tree shaking", "layout shift", "largest contentful paint",
    "time to interactive", "tti", "total blocking time", "tbt", "first contentful paint", "font loading", "font-display", "critical css", "script loading", "async script", "srcset", "responsive images", "image sizes", "cache headers", "brotli", "gzip", "web vitals report",
  ],
  seo: [
    "seo", "search engine", "google search", "ranking", "rankings", "serp", "crawl", "crawler", "crawling",
    "googlebot", "indexing", "indexed", "sitemap", "robots.txt", "robots", "canonical", "meta description",
    "meta tags", "title tag", "structured data", "schema.org", "json-ld", "rich results", "hreflang",
    "search console", "backlinks", "organic traffic", "noindex", "open graph",
    "search results", "search rankings", "google ranking", "slug", "slugs", "redirects", "duplicate content", "og tags", "twitter card", "social preview", "indexable", "crawl budget", "pagination seo", "alt text",
  ],
  containers: [
    "docker", "dockerfile", "container", "containers", "image", "kubernetes", "k8s", "pod", "pods", "helm",
    "chart", "ingress", "service mesh", "istio", "linkerd", "hpa", "autoscaling", "autoscaler", "kubectl",
    "crashloopbackoff", "oomkilled", "namespace", "statefulset", "daemonset", "node pool", "compose",
    "docker compose", "registry",
    "image size", "base image", "distroless", "alpine", "multi-stage build", "buildkit", "liveness probe", "readiness probe", "resource limits", "requests and limits", "configmap", "secret volume", "sidecar", "argo", "argocd", "flux", "gitops", "kustomize", "eks", "aks",
  ],
  infrastructure: [
    "infrastructure", "terraform", "pulumi", "cloudformation", "cdk", "ansible", "iac", "aws", "ec2", "s3",
    "rds", "ecs", "eks", "lambda", "vpc", "subnet", "load balancer", "alb", "nlb", "azure", "multi-cloud",
    "networking", "dns", "nginx", "autoscaling group", "high availability", "disaster recovery", "failover",
    "multi-region", "capacity", "nodes", "cluster",
    "iam policy", "security group", "nat gateway", "route53", "cloudfront", "elasticache", "aurora", "auto scaling", "spot instances", "reserved instances", "cost optimization", "finops", "cloud cost", "landing zone", "state file", "terraform state", "provisioning", "bastion", "vpn", "peering",
  ],
  gcp: [
    "google cloud", "gcp", "cloud run", "cloud functions", "gke", "firestore", "firebase", "bigquery",
    "pub/sub", "pubsub", "cloud storage", "gcs", "gcloud", "app engine", "cloud sql", "secret manager",
    "cloud build", "artifact registry", "vertex", "vertex ai", "spanner", "cloud scheduler", "cloud tasks",
    "service account", "workload identity", "memorystore", "cloud armor", "cloud logging",
    "cloud monitoring", "cloud load balancing", "cloud cdn", "cloud dns", "cloud composer", "dataflow", "dataproc", "looker", "firebase auth", "firebase hosting", "cloud firestore", "gcp project", "google kubernetes engine", "iam binding",
  ],
  delivery: [
    "ci", "ci/cd", "continuous integration", "continuous deployment", "github actions", "workflow", "gitlab",
    "gitlab ci", "jenkins", "circleci", "buildkite", "pipeline", "build", "deploy", "deployment", "release",
    "vercel", "netlify", "render", "heroku", "fly.io", "preview deployment", "preview", "environment variable",
    "environment variables", "env vars", "staging", "blue-green", "blue green", "canary", "rollback", "webhook",
    "artifact", "semantic release", "versioning", "tag",
    "pipeline yaml", "github workflow", "actions runner", "self-hosted runner", "build cache", "docker build", "deploy key", "release pipeline", "feature flag", "feature flags", "launchdarkly", "dev environment", "production deploy", "ci pipeline", "cd pipeline", "matrix build", "monorepo builds",
  ],
  database: [
    "database", "sql", "postgresql", "postgres", "mysql", "mariadb", "sqlite", "index", "indexes", "query",
    "queries", "explain analyze", "query plan", "join", "schema", "table", "tables", "column", "columns",
    "foreign key", "primary key", "constraint", "normalization", "normalisation", "transaction", "isolation",
    "deadlock", "lock", "connection pool", "pgbouncer", "replica", "replication", "sharding", "partition",
    "partitioning", "vacuum", "mongodb", "dynamodb", "orm", "prisma", "sequelize", "sqlalchemy", "n+1",
    "row", "rows",
    "slow query", "sequential scan", "seq scan", "index scan", "btree", "gin index", "covering index", "composite index", "upsert", "materialized view", "stored procedure", "cte", "window function", "lock contention", "row lock", "long-running transaction", "read replica", "failover replica", "pg_stat_statements", "autovacuum", "bloat", "schema migration", "alembic", "flyway", "liquibase", "knex", "typeorm", "drizzle", "supabase", "planetscale", "cockroachdb", "cassandra", "elasticsearch",
  ],
  pipelines: [
    "etl", "elt", "airflow", "dagster", "prefect", "spark", "pyspark", "dbt", "data warehouse", "warehouse",
    "lakehouse", "data lake", "snowflake", "bigquery", "redshift", "databricks", "parquet", "avro", "iceberg",
    "delta lake", "kafka", "stream processing", "streaming", "flink", "backfill", "cdc", "debezium",
    "data quality", "great expectations", "ingestion", "ingest", "batch", "dag", "analytics", "reporting",
    "data pipeline", "data pipelines", "ingestion job", "incremental load", "full refresh", "partitioned table", "windowing", "deduplicate events", "event stream", "kinesis", "beam", "glue", "athena", "fivetran", "airbyte", "meltano", "schedule jobs", "lineage", "data catalog", "data contract", "star schema", "dimensional model", "fact table", "scd",
  ],
  apidesign: [
    "rest", "restful", "endpoint", "endpoints", "resource", "http method", "status code", "status codes",
    "pagination", "paginate", "cursor", "versioning", "graphql", "grpc", "protobuf", "idempotency",
    "idempotent", "rate limit", "error format", "problem details", "validation errors", "rfc 7807", "rfc 9457", "hateoas", "webhook", "api contract",
    "backward compatibility", "breaking change", "query parameters", "request body", "response",
    "api design", "design the api", "resource naming", "nested resources", "filtering", "sorting", "sparse fieldsets", "etag", "conditional requests", "long polling", "server-sent events", "async api", "bulk endpoint", "batch endpoint", "deprecation", "sunset header", "api versioning", "contract-first", "json api", "http verb", "http verbs", "http methods", "put or patch", "put vs patch", "patch vs put", "post or put",
  ],
  apidocs: [
    "openapi", "swagger", "api reference", "postman", "postman collection", "redoc", "curl", "sdk",
    "api docs", "api documentation", "endpoint reference", "request example", "response example",
    "reference docs", "api examples", "code samples", "code snippets", "insomnia", "bruno", "stoplight", "spectral", "readme.io", "mintlify", "docusaurus api", "developer portal", "api changelog", 
  ],
  writing: [
    "readme", "guide", "tutorial", "onboarding", "adr", "architecture decision record", "runbook",
    "changelog", "release notes", "docstring", "docstrings", "comments", "wiki", "documentation", "document",
    "typo", "typos", "proofread", "grammar", "wording", "style guide", "contributing", "faq", "prose",
    "explain", "handbook",
    "docs", "user manual", "quickstart", "explainer", "blog post", "announcement", "migration guide", "upgrade guide", "glossary", "diagram", "mermaid", "architecture doc", "design doc", "rfc", "technical writing", "summarize", "summarise",
    "draft", "write-up", "writeup", "overview", "new hires", "new engineers", "newcomers", "audience", "memo", "postmortem", "post-mortem", "incident report", "changelog entry", "customer-facing", "meeting notes", "status page update", "announcement email",
  ],
  frontendarch: [
    "ssr", "ssg", "isr", "spa", "server-side rendering", "static site", "rendering strategy", "hydration",
    "state management", "redux", "zustand", "mobx", "jotai", "recoil", "react query", "tanstack", "swr",
    "micro-frontend", "micro-frontends", "monorepo", "nx", "turborepo", "webpack", "vite", "rollup",
    "module federation", "app router", "pages router", "server components", "framework", "next.js", "nextjs",
    "remix", "sveltekit", "nuxt", "angular", "vue", "architecture",
    "client-side rendering", "csr", "static generation", "incremental static", "edge rendering", "streaming ssr", "suspense", "code organization", "folder structure", "feature folders", "global state", "server state", "caching strategy", "data fetching", "bundle strategy", "astro", "qwik", "svelte", "microfrontends", "design decisions", "frontend architecture", "migration plan", "create react app", "cra",
  ],
  frontenddev: [
    "page", "screen", "form", "forms", "validation", "react hook form", "formik", "loading state", "spinner",
    "toast", "modal", "responsive", "tailwind", "css", "layout", "flexbox", "grid", "button", "navbar",
    "sidebar", "fetch", "axios", "useeffect", "usestate", "hook", "hooks", "jsx", "tsx", "react", "component",
    "click", "render", "re-render", "mobile", "safari", "browser", "infinite scroll", "upload",
    "ui bug", "button click", "onclick", "event handler", "input field", "checkbox", "radio", "dropdown menu", "pagination ui", "table view", "list view", "search box", "filter ui", "empty state", "local storage", "localstorage", "query string", "url params", "styling", "margin", "padding", "overflow", "breakpoint", "media query", "key prop", "unique key", "react warning", "hydration", "controlled input", "state update", "intl", "date time format", "to locale string", "locale formatting", "date formatting", "number formatting", "i18n", "date picker input", "placeholder", "textarea", "blank page", "white screen", "stream in", "stop button",
  ],
  uicomponents: [
    "design system", "component library", "storybook", "design tokens", "tokens", "theming", "theme",
    "dark mode", "variants", "variant", "props", "aria", "accessibility", "a11y", "accessible",
    "keyboard navigation", "focus trap", "focus", "screen reader", "combobox", "dropdown", "select",
    "date picker", "datepicker", "tabs", "tooltip", "popover", "radix", "shadcn", "headless ui", "wcag",
    "reusable", "primitive", "data table", "figma", "css-in-js", "styled-components",
    "component api", "compound components", "controlled component", "uncontrolled", "slots", "polymorphic", "forwardref", "style props", "spacing scale", "color palette", "typography scale", "icon set", "chromatic", "visual tests", "dialog", "drawer", "accordion", "carousel", "badge", "avatar", "card", "skeleton", "aria-label", "role attribute", "tab order", "focus ring",
  ],
  python: [
    "python", "pip", "venv", "virtualenv", "poetry", "uv", "pyproject", "setup.py", "mypy", "pyright",
    "pydantic", "dataclass", "dataclasses", "asyncio", "await", "decorator", "decorators", "generator",
    "generators", "yield", "comprehension", "comprehensions", "flask", "fastapi", "django", "pandas", "numpy",
    "gil", "typing", "type hints", "def", "__init__", "lambda", "itertools", "functools", "pathlib", "argparse",
    "click cli", "click command", "click group", "typer", "traceback", "pep", "ruff", "black", "flake8",
    "pythonic", "pip install", "requirements.txt", "wheel", "pypi", "conda", "jupyter", "notebook", "context manager", "namedtuple", "typeddict", "metaclass", "classmethod", "staticmethod", "slots", "walrus", "match statement", "async def", "multiprocessing", "threading", "subprocess", "logging module", "unittest.mock", "monkeypatch", "pyinstaller", "cython", "dataframe", "dataframes", "settingwithcopywarning", "copy of a slice", "iloc", "groupby", "pickle", "yaml.load", "pyyaml", "datetime", "utcnow", "timezone.utc", "zoneinfo",
  ],
  backendarch: [
    "microservice", "microservices", "monolith", "service boundaries", "event-driven", "events",
    "message queue", "queue", "queues", "kafka", "rabbitmq", "sqs", "sns", "nats", "background job",
    "background jobs", "worker", "workers", "celery", "sidekiq", "bullmq", "cache", "caching", "redis",
    "memcached", "circuit breaker", "retry", "retries", "backoff", "saga", "cqrs", "event sourcing",
    "multi-tenant", "multi-tenancy", "tenant", "scalability", "scale", "scaling", "throughput",
    "domain-driven", "ddd", "service", "services", "backend", "server", "architecture", "outbox",
    "system design", "service mesh", "api gateway", "bff", "backend for frontend", "rate limiter", "idempotent consumer", "dead letter", "dlq", "eventual consistency", "distributed lock", "leader election", "sharded", "horizontal scaling", "vertical scaling", "stateless", "sticky sessions", "websocket", "websockets", "pub/sub pattern", "modular monolith", "hexagonal", "clean architecture", "bounded context", "node.js", "nestjs", "go service",
  ],
  debugging: [
    "bug", "bugs", "crash", "crashes", "crashing", "error", "errors", "exception", "stack trace", "stacktrace",
    "traceback", "segfault", "panic", "memory leak", "leak", "race condition", "deadlock", "hang", "hangs",
    "freeze", "timeout", "timeouts", "intermittent", "intermittently", "regression", "works locally",
    "fails in ci", "econnrefused", "null pointer", "undefined", "nan", "root cause", "debug",
    "debugging", "reproduce", "repro", "post-mortem", "postmortem", "heap", "oom", "broken", "fails",
    "failing", "wrong", "unexpected", "randomly", "sometimes", "stopped working", "why",
    "stack overflow", "infinite loop", "memory usage", "cpu spike", "high cpu", "slowdown", "degraded", "flapping", "bad gateway", "connection reset", "econnreset", "enotfound", "cors error", "typeerror", "referenceerror", "keyerror", "attributeerror", "valueerror", "nullpointerexception", "segmentation fault", "core dump", "goroutine leak", "event loop blocked", "git bisect", "bisect", "logs show", "investigate", "diagnose", "troubleshoot", "memory climbs", "memory grows", "keeps growing", "gets killed", "oomkilled", "daylight saving", "dst", "timezone bug", "time zone bug", "nobody changed",
  ],
  review: [
    "review", "code review", "pull request", "merge request", "diff", "code smell", "smell", "readability",
    "maintainability", "naming", "best practices", "feedback", "nitpick", "approve", "critique",
    "second opinion", "look over", "clean code", "solid", "dry",
    "code quality", "review comments", "review checklist", "design review", "refactoring suggestions", "tech debt", "technical debt", "cyclomatic", "lgtm", "nit", "dead code", "unused code", "duplication", "duplicated code", "duplicated logic", "second pair of eyes", "another pair of eyes", "ok to merge", "okay to merge", "safe to merge", "good to merge", 
  ],
  llmapps: [
    "llm", "llms", "gpt", "claude api", "anthropic api", "openai", "anthropic", "rag", "retrieval",
    "embedding", "embeddings", "vector", "vector database", "pgvector", "pinecone", "qdrant", "weaviate",
    "chroma", "faiss", "langchain", "llamaindex", "fine-tune", "fine-tuning", "model serving", "inference",
    "chatbot", "function calling", "agent", "agents", "semantic search", "huggingface",
    "transformers", "reranking", "chunking", "context window", "tokens", "evals", "machine learning", "ml",
    "model", "models",
    "large language model", "language model", "gpt-4", "gpt-4o", "claude", "sonnet", "haiku", "opus", "mistral", "llama", "ollama", "vllm", "model gateway", "prompt caching", "structured outputs", "json mode", "token usage", "cost per request", "guardrails", "moderation", "classifier", "sentiment", "summarization", "knowledge base", "document qa", "citations", "grounding", "vector store", "hybrid search", "bm25", "reranker",
  ],
  prompting: [
    "prompt", "prompts", "system prompt", "fewshot", "chain of thought", "instruction",
    "instructions", "output format", "hallucination", "hallucinate", "hallucinates", "jailbreak",
    "prompt injection", "persona", "temperature", "rubric", "wording", "xml tags", "role prompt",
    "prompt template", "prompt design", "prompt engineering", "examples in the prompt", "stop sequences", "max tokens", "refusal", "refuses", "tone of voice", "output schema", "structured output instructions", "prompt leak", "prefill", "meta prompt", "grader prompt", "llm judge", "llm-as-judge",
  ],
  claudecode: [
    "claude code", "subagent", "subagents", "slash command", "slash commands", "hook", "hooks", "pretooluse",
    "posttooluse", "claude.md", "mcp", "mcp server", "model context protocol", "skill", "skills", "skill.md",
    "settings.json", "allowed tools", "headless", ".claude",
    "claude code hooks", "custom command", "custom commands", "plugin", "plugins", "output style", "statusline", "permission mode", "allowedtools", "disallowed tools", "agent sdk", "claude agent sdk", "subagent delegation", "mcp tools", "stdio server", "memory file", "project memory", "user settings",
  ],
};

interface Lexicon {
  /** Space-joined analysed terms -> concepts. */
  phrases: Map<string, string[]>;
  /** Exact lowercase words ("=" entries) -> concepts. */
  exact: Map<string, string[]>;
  maxLength: number;
}

let compiled: Lexicon | null = null;

function add(map: Map<string, string[]>, key: string, concept: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(concept)) list.push(concept);
  map.set(key, list);
}

function compile(): Lexicon {
  const lexicon: Lexicon = { phrases: new Map(), exact: new Map(), maxLength: 1 };
  for (const [concept, entries] of Object.entries(CONCEPT_LEXICON)) {
    for (const entry of entries) {
      if (entry.startsWith("=")) {
        add(lexicon.exact, entry.slice(1), concept);
        continue;
      }
      const terms = analyse(entry).map((t) => t.term);
      if (terms.length === 0) continue;
      add(lexicon.phrases, terms.join(" "), concept);
      lexicon.maxLength = Math.max(lexicon.maxLength, terms.length);
    }
  }
  return lexicon;
}

/**
 * The concepts evoked by analysed text (`analyse` output), one entry per match (a concept evoked
 * twice appears twice). Longer phrases are tried first at each position and consume their terms.
 */
export function conceptsOf(analysed: ReadonlyArray<{ term: string; word: string }>): string[] {
  compiled ??= compile();
  const { phrases, exact, maxLength } = compiled;
  const terms = analysed.map((a) => a.term);
  const out: string[] = [];
  let i = 0;
  while (i < terms.length) {
    let step = 1;
    let hit = exact.get(analysed[i]!.word);
    for (let len = Math.min(maxLength, terms.length - i); len >= 1 && !hit; len--) {
      hit = phrases.get(terms.slice(i, i + len).join(" "));
      if (hit) step = len;
    }
    if (hit) out.push(...hit);
    i += step;
  }
  return out;
}
