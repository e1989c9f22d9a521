// The byte-level fast path for large extracts: see engine.ts (how) and plan.ts (the contract).
export { scanExtract, PARALLEL_BYTES } from './engine.js';
export type { ExtractGroup, ExtractPlan, ExtractScan, ExtractTuning, NumberLocale } from './plan.js';
