/**
 * The keyword signals the complexity classifier weighs. A task is critical when its critical
 * signals add up to at least 1, so one strong signal ("production", "encrypt") is enough while a
 * weak one ("delete", "migrate", "login") needs a second ("delete" + "accounts"). Patterns are
 * regex sources matched case-insensitively at word boundaries.
 */

export interface Signal {
  /** What the reason string shows. */
  label: string;
  pattern: string;
  weight: number;
  /**
   * What is acted on (payments, tables, releases) rather than a security subject. When the task
   * writes a prompt, subagent, hook or skill, such words describe what that artefact handles
   * ("a subagent that writes migrations"), so they count half.
   */
  object?: boolean;
  /**
   * An environment name ("production"): when the task also names other environments (dev,
   * staging, preview), it configures environments rather than acting on the live one, so it
   * counts half.
   */
  environment?: boolean;
  /** An all-caps match is the SQL statement of that name ("EXPLAIN ANALYZE"), not the word. */
  sqlKeyword?: boolean;
}

/** Signals that the task can hurt production, data, money or security (route to Opus). */
export const CRITICAL_SIGNALS: Signal[] = [
  { label: "production", pattern: "production|prod", weight: 1, environment: true },
  { label: "security", pattern: "security|secure", weight: 1 },
  {
    label: "vulnerability",
    pattern: "vulnerab\\w*|exploit\\w*|cves?|pentest\\w*|penetration test\\w*",
    weight: 1,
  },
  { label: "threat model", pattern: "threat[- ]model\\w*|stride", weight: 1 },
  {
    label: "attack",
    pattern:
      "attack\\w*|malicious|harden\\w*|stol(?:e|en)|steal\\w*|hijack\\w*|tamper\\w*|spoof\\w*|brute[- ]force|owasp|open redirects?|clickjacking|idor|privilege escalation|path traversal",
    weight: 1,
  },
  {
    label: "injection",
    pattern:
      "(?:sql|nosql|command|shell|code|prompt|template|ldap|header|html|script)[- ]injection|injection attacks?|injectable|sqli|xss|csrf|ssrf",
    weight: 1,
  },
  { label: "encryption", pattern: "encrypt\\w*|decrypt\\w*|cryptograph\\w*|crypto", weight: 1 },
  { label: "tls", pattern: "tls|ssl|mtls|certificates?|hmac|kms", weight: 0.6 },
  {
    label: "credentials",
    pattern: "credentials?|(?:signing|private|api|aws|access|secret|ssh) keys?|key rotation",
    weight: 1,
  },
  {
    label: "leak",
    pattern:
      "leak(?:ed|s)? (?:\\S+ )?(?:keys?|secrets?|tokens?|credentials?|data)|exposed|compromis\\w*|breach\\w*",
    weight: 1,
  },
  { label: "secrets", pattern: "secrets?|env files?|dotenv", weight: 0.8 },
  { label: "password", pattern: "passwords?", weight: 0.8 },
  {
    label: "authentication",
    pattern:
      "auth|authenticat\\w*|authori[sz]\\w*|authn|authz|oauth\\w*|access control|permission checks?|row[- ]level security|tenant isolation|sso|saml|oidc|mfa|2fa|two[- ]factor|totp|passkeys?|webauthn|session (?:cookies?|tokens?|fixation)|(?:access|refresh) tokens?",
    weight: 0.8,
  },
  // A JWT is an authentication token: its subject is authentication even alone.
  { label: "jwt", pattern: "jwts?", weight: 1 },
  { label: "hashing", pattern: "hash(?:ing|es)?", weight: 0.4 },
  { label: "login", pattern: "log[- ]?ins?|sign[- ]?ins?", weight: 0.4 },
  {
    label: "payment",
    pattern: "payments?|refunds?|stripe|paypal|chargebacks?|payouts?|credit cards?",
    weight: 1,
    object: true,
  },
  { label: "checkout", pattern: "checkout|subscriptions?", weight: 0.5, object: true },
  { label: "billing", pattern: "billing|invoic\\w*", weight: 0.5, object: true },
  {
    label: "personal data",
    pattern:
      "pii|gdpr|ccpa|hipaa|pci|personal data|salar(?:y|ies)|medical|consent|anonymi[sz]\\w*|pseudonymi[sz]\\w*|data retention|soc ?2|right to be forgotten|data subjects?",
    weight: 1,
  },
  { label: "compliance", pattern: "complian\\w*", weight: 0.7 },
  { label: "data loss", pattern: "data loss|lose data|losing data|corrupt\\w*|irreversibl\\w*", weight: 1 },
  { label: "disaster recovery", pattern: "disaster recovery|failover", weight: 1 },
  {
    label: "destructive command",
    pattern: "rm -rf|force[- ]push|drop table|truncate",
    weight: 1,
    object: true,
  },
  {
    label: "drop",
    pattern:
      "drop(?:ping)?(?= (?:\\S+ ){0,3}(?:tables?|columns?|databases?|schemas?|indexe?s?|collections?)\\b)",
    weight: 1,
    object: true,
  },
  // A zero-downtime requirement means a live system: "without downtime" is not a negation here.
  {
    label: "live system",
    pattern:
      "zero[- ]downtime|without (?:any )?downtime|without taking \\S+ (?:\\S+ )?(?:offline|down)|live traffic",
    weight: 1,
  },
  { label: "delete", pattern: "delet\\w*|purg\\w*|wip(?:e|ing)|eras\\w*", weight: 0.7, object: true },
  { label: "migrate", pattern: "migrat\\w*", weight: 0.7, object: true },
  { label: "permissions", pattern: "permissions?|rbac|iam|privileges?", weight: 0.5 },
  { label: "outage", pattern: "outages?|incidents?|downtime|5\\d\\ds", weight: 0.6 },
  { label: "rollback", pattern: "roll ?backs?|canary", weight: 0.5, object: true },
  { label: "backup", pattern: "backups?|restor\\w*", weight: 0.5, object: true },
  // What is at stake: raises a weak action ("delete") to critical, never critical alone.
  {
    label: "live data",
    pattern: "databases?|tables?|accounts?|customers?|records|clusters?|buckets?",
    weight: 0.3,
    object: true,
  },
  { label: "deploy", pattern: "deploy\\w*|releas\\w*", weight: 0.3, object: true },
];

/** Signals that the task is small or mechanical (route to Haiku). */
export const SIMPLE_SIGNALS: Signal[] = [
  { label: "typo", pattern: "typos?|spelling|misspell\\w*|grammar|proofread\\w*", weight: 1 },
  {
    label: "wording",
    pattern: "wording|reword\\w*|rephras\\w*|tidy up|copy[- ]?edit\\w*|awkward (?:sentences?|phrasing)",
    weight: 0.8,
  },
  { label: "lint", pattern: "lint\\w*|e\\d{3}", weight: 1 },
  {
    label: "format",
    pattern: "(?:re)?format(?:ting)?(?= (?:the|this|these|our|my|all)\\b)|formatting",
    weight: 1,
  },
  { label: "rename", pattern: "renam\\w*", weight: 1 },
  { label: "changelog", pattern: "changelogs?|release notes", weight: 1 },
  { label: "docstring", pattern: "docstrings?|jsdoc|comments?", weight: 0.8 },
  { label: "documentation", pattern: "document(?:ation|ing)?|readme", weight: 0.8 },
  {
    label: "explain",
    sqlKeyword: true,
    pattern:
      "explain\\w*|what is|what does|what's an?|why does this|summari[sz]e what|(?:what's the )?difference between|vs\\.?|versus",
    weight: 0.8,
  },
  {
    label: "small change",
    pattern:
      "quick(?:ly)?|brief(?:ly)?|rundown|tweak\\w*|shorten\\w*|shorter|tighten\\w*|bump|one[- ]line|(?:small|tiny|quick|minor) (?:change|fix|tweak|edit|update|cleanup|opinion|question)|short (?:comparison|answer|explanation)|couple of (?:paragraphs|sentences)",
    weight: 0.8,
  },
  { label: "single test", pattern: "add an? (?:unit )?test", weight: 0.8 },
  // "Add a/an/one ..." opening a request of at most 20 words is a single small addition; a longer
  // request describes more than one.
  {
    label: "single addition",
    pattern: "(?<=^\\s*)add (?:a|an|one)(?=(?:[^\\S\\n]+\\S+){0,17}[^\\S\\n]*(?:\\n|$))",
    weight: 0.8,
  },
  { label: "examples", pattern: "add (?:\\w+ ){0,5}examples?", weight: 0.8 },
  { label: "meta tags", pattern: "meta (?:titles?|descriptions?|tags?)|structured data", weight: 0.8 },
];

/** Signals of substantial work: they cancel simple signals (a "small redesign" is not small). */
export const STANDARD_SIGNALS: Signal[] = [
  {
    label: "design",
    pattern:
      "design\\w*|architect\\w*|set ?up|implement\\w*|refactor\\w*|build|plan|strategy|investigat\\w*|debug\\w*|optimi[sz]\\w*|pipelines?|scal\\w*",
    weight: 0.5,
  },
  // Asking why something happens is diagnosis, unless the task is a general-knowledge question
  // ("what's INP and why did Google adopt it?"), which explains.
  { label: "why", pattern: "why(?! does this)", weight: 0.5 },
];
