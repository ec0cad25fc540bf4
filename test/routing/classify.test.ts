import { describe, expect, it } from "vitest";
import { ruleClassification } from "../../src/routing/index.js";

const tier = (task: string, opts?: Parameters<typeof ruleClassification>[1]) =>
  ruleClassification(task, opts).complexity;

describe("the rules alone (ruleClassification, routing.classifier: rules)", () => {
  it.each([
    "Fix the typo in the README heading",
    "Explain list comprehensions in Python",
    "Rename the `usr` variable to `user`",
    "Update the CHANGELOG for 1.2.0",
    "Add docstrings to the public functions",
    "Fix the lint warnings in utils.py",
  ])("simple: %s", (task) => {
    expect(tier(task)).toBe("simple");
  });

  it.each([
    "Migrate the production database to PostgreSQL 16",
    "Do a security audit of our login flow",
    "Drop the unused legacy_orders table",
    "Encrypt the customer PII columns at rest",
    "Integrate Stripe payments into checkout",
    "Delete all inactive user accounts",
  ])("critical: %s", (task) => {
    expect(tier(task)).toBe("critical");
  });

  it.each([
    "Design a REST API for a todo application",
    "Refactor the order service to use dependency injection",
    "Write Playwright tests for the signup form",
  ])("standard: %s", (task) => {
    expect(tier(task)).toBe("standard");
  });

  it("weighs signals: a weak critical word alone is not enough, two are", () => {
    // A short "add a ..." request is a single small addition; "delete" alone does not make it critical.
    expect(tier("Add a delete button to the todo list")).toBe("simple");
    expect(tier("Delete the customer records older than a year")).toBe("critical");
  });

  it("matches whole words only", () => {
    // "product" and "reproduce" contain "prod"; "formatter" is not the verb "format".
    expect(tier("Reproduce the product page layout in Vue")).toBe("standard");
  });

  it("ignores a negated signal", () => {
    expect(tier("Refactor this helper; it is not used in production")).toBe("standard");
    expect(tier("Refactor this helper; it is used in production")).toBe("critical");
  });

  it("lets substantial work outweigh a simple word", () => {
    expect(tier("Explain how to redesign our architecture to scale the ingestion pipeline")).toBe("standard");
  });

  it.each([
    ["Add TOTP two-factor to the admin console", "critical"],
    ["Attackers are brute-forcing our API; block them", "critical"],
    ["Anonymise the analytics export before sharing it", "critical"],
    ["Renew the TLS certificates on the load balancer and move signing to KMS", "critical"],
    ["Add a credit card form to the signup flow", "critical"],
    ["Reword the intro paragraph of the onboarding page", "simple"],
  ])("knows the README's label rules beyond the obvious words: %s -> %s", (task, expected) => {
    expect(tier(task)).toBe(expected);
  });

  it("counts acted-on words half when the task only writes a prompt, subagent, hook or tests about them", () => {
    expect(tier("Delete the records of closed accounts")).toBe("critical");
    expect(tier("Write a subagent that deletes records of closed accounts on request")).toBe("standard");
    expect(tier("Refund the duplicate charges for these orders")).toBe("critical");
    expect(tier("Write Cypress tests for the refund form")).toBe("standard");
    // Security subjects stay critical: hardening a prompt is still security work.
    expect(tier("Harden the system prompt against prompt injection")).toBe("critical");
  });

  it("ignores signal words used as code identifiers", () => {
    expect(tier("Generate types for router.delete('/items/:id', removeItem)")).toBe("standard");
    expect(tier("Delete the stale rows from the orders table")).toBe("critical");
  });

  it("reads auth, access control and injection questions as critical subjects", () => {
    expect(tier("Design the client-side auth flow for the SPA: where the access token lives")).toBe(
      "critical",
    );
    expect(tier("Design row-level security and access control for tenant data")).toBe("critical");
    expect(tier("is this query injectable? cur.execute(f'SELECT 1 WHERE a = {x}')")).toBe("critical");
  });

  it("reads short comparisons and explanations of a snippet as simple", () => {
    expect(tier("Redis vs Memcached for session storage, short comparison?")).toBe("simple");
    expect(tier("why does this return undefined?\n\nconst f = () => { 1 }")).toBe("simple");
    // About our own system, "why" asks for diagnosis (in a general question it only explains).
    expect(tier("Why does our checkout page load slowly under heavy traffic?")).toBe("standard");
  });

  it("names the matched signals in the reason", () => {
    const c = ruleClassification("Migrate the production database");
    expect(c.reason).toMatch(/^critical \(matched: .*production.*migrate/);
    expect(ruleClassification("Fix the typo").reason).toContain("typo");
  });

  it("accepts extra keywords from config", () => {
    expect(tier("Run the quarterly invoice close")).toBe("standard");
    expect(
      tier("Run the quarterly invoice close", { criticalKeywords: ["quarterly close", "invoice close"] }),
    ).toBe("critical");
    expect(tier("Regenerate the sitemap", { simpleKeywords: ["regenerate"] })).toBe("simple");
  });

  it("reads a short general-knowledge question as simple, a question about our own system as standard", () => {
    expect(tier("Is `Array.prototype.at` supported in Safari 15?")).toBe("simple");
    expect(tier("301 or 308 for a permanently moved POST endpoint?")).toBe("simple");
    expect(tier("Which Python version added the walrus operator?")).toBe("simple");
    expect(tier("Which message queue should we use for our order events?")).toBe("standard");
    expect(tier("Why is my Celery worker using 4 GB of memory after a day?")).toBe("standard");
    // Context before the question, or a request phrased as a question, is not a general question.
    expect(tier("The import job hangs after an hour. What's happening?")).toBe("standard");
    // A critical subject stays critical in question form.
    expect(tier("What is a timing attack?")).toBe("critical");
  });

  it("reads a short 'add a ...' request as a single addition, a long one as more", () => {
    expect(tier("Add a copy-to-clipboard button to the code blocks")).toBe("simple");
    expect(
      tier(
        "Add a notifications centre to the header that groups events by day, marks them read on open, syncs across tabs and falls back to polling",
      ),
    ).toBe("standard");
  });

  it("treats a request listing several deliverables as substantial work", () => {
    expect(tier("Document the search endpoint")).toBe("simple");
    expect(tier("Document the search endpoint: query syntax, paging, error codes, rate limits")).toBe(
      "standard",
    );
  });

  it("counts production half when it is one of several environments being configured", () => {
    expect(tier("Restart the production workers")).toBe("critical");
    expect(tier("Create dev, staging and prod profiles in our Makefile")).toBe("standard");
  });

  it("does not take a cited example or an event name for the subject", () => {
    expect(tier("Should our changelog page group entries by month like Stripe does?")).not.toBe("critical");
    expect(tier("Document the `refund.created` webhook event payload")).not.toBe("critical");
    expect(tier("Document how refunds are issued")).toBe("critical");
  });

  it("reads an imperative scoped to pasted material as a small edit, a question about it as not", () => {
    expect(
      tier("Add type hints to this so mypy --strict passes:\n\ndef merge(a, b):\n    return {**a, **b}"),
    ).toBe("simple");
    expect(tier("Replace the nested loops in this function with itertools")).toBe("simple");
    expect(tier("Replace the nested loops in the report module with itertools")).toBe("standard");
    expect(tier("Can anything in this be made faster? Our export job calls it.")).toBe("standard");
    // Substantial work still outweighs the scope.
    expect(tier("Refactor the error handling in this service and design a retry strategy")).toBe("standard");
  });

  it("does not count quoted text or inline code towards a long task", () => {
    const quoted = `"${"You are a helpful assistant and you always help the user. ".repeat(4)}"`;
    expect(tier(`Make this system prompt shorter, it repeats itself: ${quoted}`)).toBe("simple");
    const described = "it should cover the same ground for every user who asks again and again. ".repeat(3);
    expect(tier(`Make this system prompt shorter, ${described}`)).toBe("standard");
  });

  it("reads JWT questions as authentication subjects", () => {
    expect(tier("Check how our API validates JWTs")).toBe("critical");
  });
});
