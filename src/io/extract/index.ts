// The byte-level fast path for large extracts: see engine.ts (how) and plan.ts (the contract).
export { scanExtract } from './engine.js';
export type { ExtractPlan, ExtractScan } from './plan.js';
