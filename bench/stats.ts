export interface BenchResult {
  name: string;
  median: number;
  min: number;
  max: number;
  unit: string;
  /** The target, when it has one. */
  target?: { atLeast?: number; atMost?: number } | undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function meetsTarget(result: BenchResult): boolean | undefined {
  if (!result.target) return undefined;
  if (result.target.atLeast !== undefined && result.median < result.target.atLeast) return false;
  if (result.target.atMost !== undefined && result.median > result.target.atMost) return false;
  return true;
}
