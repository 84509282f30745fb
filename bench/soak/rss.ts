// The soak's processes' memory over time: per process (a restarted worker is a new one), its first,
// largest and last resident size.

export interface RssSample {
  label: string;
  pid: number;
  atS: number;
  rssMb: number;
}

export function rssSummary(
  samples: RssSample[],
): { label: string; pid: number; firstMb: number; maxMb: number; lastMb: number; samples: number }[] {
  const byProcess = new Map<number, RssSample[]>();
  for (const sample of samples) byProcess.set(sample.pid, [...(byProcess.get(sample.pid) ?? []), sample]);
  return [...byProcess.values()].map((list) => ({
    label: list[0]?.label ?? '',
    pid: list[0]?.pid ?? 0,
    firstMb: Math.round(list[0]?.rssMb ?? 0),
    maxMb: Math.round(Math.max(...list.map((sample) => sample.rssMb))),
    lastMb: Math.round(list.at(-1)?.rssMb ?? 0),
    samples: list.length,
  }));
}
