// National targets by year: a known year as published; a year between two known years by linear
// interpolation, rounded half up exactly, and flagged as interpolated.
// Example: 2024 → 50,000,000 and 2026 → 70,000,000 give 2025 → 60,000,000 (interpolated).

import { floorDiv } from './allocation/exact.js';

export interface TargetPoint {
  readonly year: number;
  readonly target: bigint;
}

export function targetForYear(points: readonly TargetPoint[], year: number): { target: bigint; interpolated: boolean; between?: [number, number] } | undefined {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const exact = sorted.find((p) => p.year === year);
  if (exact) return { target: exact.target, interpolated: false };
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.year < year && year < b.year) {
      const span = BigInt(b.year - a.year);
      const num = a.target * span + (b.target - a.target) * BigInt(year - a.year);
      return { target: floorDiv(2n * num + span, 2n * span), interpolated: true, between: [a.year, b.year] };
    }
  }
  return undefined;
}
