import { describe, expect, it } from "vitest";
import { analyse, createLexicalSelector, splitDescription, tokenize } from "../../src/selection/index.js";
import { builtins, loadDir, VOLTAGENT_DIR } from "./helpers.js";

describe("tokenizer", () => {
  it("splits kebab and camel case, lowercases, drops stop words, stems", () => {
    expect(tokenize("python-expert")).toEqual(["python"]);
    expect(tokenize("useEffect DataTable")).toEqual(expect.arrayContaining(["effect", "data", "tabl"]));
    expect(tokenize("Caching the cached caches")).toEqual(["cach", "cach", "cach"]);
    expect(tokenize("Please help me with the")).toEqual([]);
  });

  it("expands common abbreviations and keeps the word the user typed", () => {
    expect(tokenize("k8s")).toEqual(tokenize("kubernetes"));
    expect(tokenize("PostgreSQL")).toEqual(expect.arrayContaining(tokenize("postgres")));
    expect(analyse("k8s")[0]?.word).toBe("k8s");
  });

  it("is not fooled by words that are Object.prototype keys", () => {
    expect(() => tokenize("constructor toString __proto__ hasOwnProperty")).not.toThrow();
  });
});

describe("splitDescription", () => {
  it("separates 'not for X (use Y)' clauses from the positive text", () => {
    const d = splitDescription(
      "Use for API contracts. Not for writing docs (use api-documenter), not for infra (use devops-architect or google-cloud-expert).",
    );
    expect(d.positive).not.toMatch(/not for/i);
    expect(d.positive).toContain("API contracts");
    expect(d.referrals).toEqual([
      { text: "writing docs", to: ["api-documenter"] },
      { text: "infra", to: ["devops-architect", "google-cloud-expert"] },
    ]);
  });
});

describe("lexical selector on the built-in pack", () => {
  const selector = createLexicalSelector(builtins());

  it.each([
    ["Design a REST API for a todo application", "api-designer"],
    ["Explain list comprehensions in Python", "python-expert"],
    ["Write an OpenAPI spec and a Postman collection for our existing endpoints", "api-documenter"],
    ["Set up k8s autoscaling with Helm", "devops-architect"],
    ["Deploy our service to Cloud Run and store secrets in Secret Manager", "google-cloud-expert"],
    ["Our Lighthouse score is bad, improve Core Web Vitals", "seo-performance-expert"],
    ["Add a PreToolUse hook to Claude Code", "claude-code-expert"],
    ["Build an Airflow DAG that loads Parquet files into Snowflake", "data-engineer"],
    ["Find the root cause of this stack trace", "bug-investigator"],
  ])("%s -> %s", (task, agent) => {
    expect(selector.rank(task)[0]?.agent).toBe(agent);
  });

  it("returns top-N sorted by score with a reason naming matched words", () => {
    const ranked = selector.rank("Design a REST API for a todo application", { top: 5 });
    expect(ranked).toHaveLength(5);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(ranked[0]!.reason).toMatch(/^matched: .*rest.*\(.*description/);
  });

  it("uses the 'not for' clauses: documenting goes to the documenter, not the designer", () => {
    const ranked = selector.rank("Document our existing API endpoints with examples");
    expect(ranked[0]?.agent).toBe("api-documenter");
  });

  it("returns nothing for a task with no meaningful words", () => {
    expect(selector.rank("please help")).toEqual([]);
    expect(selector.rank("zxqv wvut")).toEqual([]);
  });

  it("indexes claude.json domains", () => {
    const s = createLexicalSelector([
      { name: "alpha", description: "General helper." },
      { name: "beta", description: "General helper.", domains: ["invoicing", "ledgers"] },
    ]);
    expect(s.rank("reconcile the ledgers")[0]?.agent).toBe("beta");
  });

  it("indexes concepts: a task and a description that share no word still meet", () => {
    const s = createLexicalSelector(
      [
        { name: "ops", description: "Observability: Prometheus metrics and Grafana." },
        { name: "web", description: "Web pages and page layouts." },
      ],
      { examples: null },
    );
    // "paged" and "PagerDuty" are monitoring words; "paged" must not match "pages".
    expect(s.rank("I got paged again by PagerDuty")[0]?.agent).toBe("ops");
  });

  it("ranks a task well under 1 ms with 30 agents", () => {
    const agents = [...builtins(), ...loadDir(VOLTAGENT_DIR).slice(0, 9)];
    expect(agents).toHaveLength(30);
    const s = createLexicalSelector(agents);
    const tasks = [
      "Design a REST API for a todo application",
      "Fix the flaky Playwright test",
      "Tune this SQL query",
    ];
    for (const t of tasks) s.rank(t); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      s.rank(tasks[i % tasks.length]!);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    // Median, so a descheduled call on a busy machine cannot fail the test; typical is ~30 µs.
    expect(samples[150]!).toBeLessThan(1);
  });
});

describe("the learnt part", () => {
  const agents = [
    { name: "alpha", description: "Helps with reports." },
    { name: "beta", description: "Helps with reports." },
  ];
  const examples = [
    { task: "the quarterly ledger does not balance", expected: ["beta"] },
    { task: "reconcile the ledger entries", expected: ["beta", "alpha"] },
    { task: "print the weekly summary", expected: ["alpha"] },
  ];

  it("learns from labelled tasks what the descriptions do not say", () => {
    expect(createLexicalSelector(agents, { examples: null }).rank("ledger totals are off")).toEqual([]);
    const ranked = createLexicalSelector(agents, { examples }).rank("ledger totals are off");
    expect(ranked[0]?.agent).toBe("beta");
    expect(ranked[0]?.reason).toMatch(/^learnt/);
  });

  it("ignores examples for agents it was not given, and stays lexical without any", () => {
    const other = [{ task: "ledger ledger ledger", expected: ["gamma"] }];
    const s = createLexicalSelector(agents, { examples: other });
    expect(s.rank("ledger")).toEqual([]);
    expect(s.rank("reports")[0]?.reason).toMatch(/^matched: reports/);
  });

  it("learns from the shipped dataset by default", () => {
    const task = "Set up alerting so on-call gets paged when the error rate goes over 2%";
    const ranked = createLexicalSelector(builtins()).rank(task);
    expect(ranked[0]?.agent).toBe("devops-architect");
  });
});

describe("lexical selector on 158 real-world agents", () => {
  const agents = loadDir(VOLTAGENT_DIR);
  const selector = createLexicalSelector(agents);

  it("loads and indexes them all", () => {
    expect(agents.length).toBe(158);
  });

  it.each([
    ["Optimise this slow PostgreSQL query", ["postgres-pro", "database-optimizer", "sql-pro"]],
    ["Write Terraform modules for a VPC on AWS", ["terraform-engineer"]],
    ["Build an iOS app screen in SwiftUI", ["swift-expert", "mobile-app-developer"]],
    ["Set up a Kubernetes deployment with Helm", ["kubernetes-specialist"]],
    ["Audit our login flow for security vulnerabilities", ["security-auditor", "security-engineer"]],
  ])("%s -> one of %j first", (task, acceptable) => {
    expect(acceptable).toContain(selector.rank(task)[0]?.agent);
  });
});

describe("pasted material", () => {
  const selector = createLexicalSelector(
    [
      { name: "writer", description: "Use for release notes, changelogs and user guides." },
      { name: "debugger", description: "Use for crashes, null pointers, memory leaks and timeouts." },
    ],
    { examples: null },
  );
  const score = (task: string, agent: string) =>
    selector.rank(task).find((r) => r.agent === agent)?.score ?? 0;

  it("weighs lines pasted after the request less than the request itself", () => {
    const pasted =
      "Turn these commits into release notes:\nfix: crash on startup\nfix: null pointer in the parser";
    const inline = pasted.replace(/\n/g, " ");
    // Same words; on their own lines, the crash reports pull less than the requested release notes.
    expect(selector.rank(inline)[0]?.agent).toBe("debugger");
    expect(selector.rank(pasted)[0]?.agent).toBe("writer");
    expect(score(pasted, "debugger")).toBeLessThan(score(inline, "debugger"));
  });
});
