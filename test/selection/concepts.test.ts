import { describe, expect, it } from "vitest";
import { analyse, CONCEPT_LEXICON, conceptsOf, textFeatures } from "../../src/selection/index.js";

const concepts = (text: string) => conceptsOf(analyse(text));

describe("concept lexicon", () => {
  it("maps different surface terms to one shared concept", () => {
    expect(concepts("session cookie")).toContain("auth");
    expect(concepts("an open redirect")).toContain("security");
    expect(concepts("the Playwright suite is flaky")).toEqual(expect.arrayContaining(["testing"]));
    expect(concepts("LCP and CLS got worse")).toEqual(["webperf", "webperf"]);
    expect(concepts("Googlebot cannot crawl it")).toEqual(["seo", "seo"]);
  });

  it("knows writing genres, review findings and API error design", () => {
    expect(concepts("draft an architecture overview for new engineers")).toContain("writing");
    expect(concepts("the customer-facing postmortem")).toEqual(
      expect.arrayContaining(["writing", "debugging"]),
    );
    expect(concepts("dead code and duplicated logic")).toEqual(["review", "review"]);
    expect(concepts("how to report validation errors")).toContain("apidesign");
  });

  it("matches inflections through the stemmer and compounds through the tokenizer", () => {
    expect(concepts("alerting")).toContain("monitoring");
    expect(concepts("alerts")).toContain("monitoring");
    expect(concepts("whoever is on-call")).toEqual(expect.arrayContaining(["monitoring", "production"]));
    expect(concepts("log in with Google")).toContain("auth");
  });

  it("keeps exact-word entries from firing on their stem's other meanings", () => {
    expect(concepts("I got paged at 3am")).toContain("monitoring");
    expect(concepts("the settings pages")).not.toContain("monitoring");
    expect(concepts("a function call")).not.toContain("production");
    expect(concepts("the log file")).not.toContain("auth");
  });

  it("prefers the longest phrase and consumes its words", () => {
    expect(concepts("SQL injection")).toEqual(["security"]);
    expect(concepts("SQL")).toEqual(["database"]);
  });

  it("has no entry that analyses to nothing (it would never match)", () => {
    for (const [concept, entries] of Object.entries(CONCEPT_LEXICON))
      for (const entry of entries)
        if (!entry.startsWith("=")) expect(analyse(entry).length, `${concept}: ${entry}`).toBeGreaterThan(0);
  });

  it("feeds words, bigrams and concepts to the learnt model, each once", () => {
    const f = textFeatures("connection pool connection pool exhausted");
    expect(f).toEqual(expect.arrayContaining(["connect", "pool", "connect pool", "@database"]));
    expect(f.filter((x) => x === "connect")).toHaveLength(1);
  });
});
