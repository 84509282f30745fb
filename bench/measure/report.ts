import type { Figure } from './figures.ts';

export function markdownTable(result: {
  date: string;
  quick: boolean;
  records: number;
  machine: Record<string, unknown>;
  figures: Figure[];
}): string {
  const rows = result.figures.map(
    (f) => `| ${f.name} | ${f.median.toFixed(1)} | ${f.min.toFixed(1)} | ${f.max.toFixed(1)} | ${f.unit} | ${f.runs} |`,
  );
  return [
    `# Sluice benchmark, ${result.date}${result.quick ? ' (quick)' : ''}`,
    '',
    `${result.records} generated review operations; machine: ${JSON.stringify(result.machine)}`,
    '',
    '| measure | median | min | max | unit | runs |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
