import { describe, expect, it } from "vitest";
import { classifyComplexity } from "../../src/routing/index.js";

const tier = (task: string, opts?: Parameters<typeof classifyComplexity>[1]) =>
  classifyComplexity(task, opts).complexity;

describe("classifyComplexity", () => {
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
    expect(tier("Add a delete button to the todo list")).toBe("standard");
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
    expect(tier("Why does the checkout page load slowly under heavy traffic?")).toBe("standard");
  });

  it("names the matched signals in the reason", () => {
    const c = classifyComplexity("Migrate the production database");
    expect(c.reason).toMatch(/^critical \(matched: .*production.*migrate/);
    expect(classifyComplexity("Fix the typo").reason).toContain("typo");
  });

  it("accepts extra keywords from config", () => {
    expect(tier("Run the quarterly invoice close")).toBe("standard");
    expect(
      tier("Run the quarterly invoice close", { criticalKeywords: ["quarterly close", "invoice close"] }),
    ).toBe("critical");
    expect(tier("Regenerate the sitemap", { simpleKeywords: ["regenerate"] })).toBe("simple");
  });
});
