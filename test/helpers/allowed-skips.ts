// The only tests that may skip in CI (CI=true), each with the reason: everything else that skips
// there fails the run (summary-reporter.ts). README "Tests that may skip" lists the same.
export const ALLOWED_SKIPS: readonly { test: RegExp; reason: string }[] = [];
