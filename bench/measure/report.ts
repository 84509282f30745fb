import type { ProfileSummary } from './cpu-profile.ts';
import { formatSelfTimes } from './cpu-profile.ts';
import type { Figure } from './figures.ts';
import { targetsTable } from './targets.ts';

export interface BenchResult {
  date: string;
  quick: boolean;
  profiled: boolean;
  records: number;
  bytes: number;
  minutes: number;
  machine: Record<string, unknown>;
  figures: Figure[];
  profiles: Record<string, ProfileSummary>;
}

/** Three significant digits at most, thousands separated: 27,800 / 713 / 0.212. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const rounded = abs >= 1000 ? Number(value.toPrecision(3)) : value;
  return rounded.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

export function markdownTable(result: BenchResult): string {
  const rows = result.figures.map(
    (f) =>
      `| ${f.name} | ${formatNumber(f.median)} | ${formatNumber(f.min)} | ${formatNumber(f.max)} | ${f.unit} | ${f.runs} | ${f.note ?? ''} |`,
  );
  const profiles = Object.entries(result.profiles).flatMap(([label, summary]) => [
    '',
    `### ${label}: ${summary.seconds.toFixed(0)} s sampled, ${summary.idlePercent.toFixed(0)}% idle`,
    '',
    '```',
    formatSelfTimes(summary.top),
    '```',
  ]);
  return [
    `# Sluice benchmark, ${result.date}${result.quick ? ' (quick)' : ''}${result.profiled ? ' (profiled: slower)' : ''}`,
    '',
    `${result.records.toLocaleString('en')} generated review operations (${Math.round(result.bytes / result.records)} bytes on average); ` +
      `took ${result.minutes.toFixed(1)} min; machine: ${JSON.stringify(result.machine)}`,
    '',
    ...(result.quick ? [] : ["## Issue 15's targets", '', ...targetsTable(result.figures), '', '## Every figure', '']),
    '| measure | median | min | max | unit | runs | note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(profiles.length > 0 ? ['', '## Where the time goes (top self time, main thread)', ...profiles] : []),
    '',
  ].join('\n');
}
