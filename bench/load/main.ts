// `npm run load -- [options]`: realistic, seeded review traffic for review-stats, to the HTTP API or straight to
// Kafka. It lives with the bench, which owns the traffic generator; the runtime knows no reviews.

import { numberOption, parseArgs, rateOption } from '../../runtime/cli/args.ts';
import { type Command, CommandError, UsageError } from '../../runtime/cli/command.ts';
import { brokersFromEnv } from '../../runtime/kafka/client.ts';
import { parseDuration } from '../../shared/index.ts';
import { corpusTexts } from '../corpus-texts.ts';
import { pace } from './pace.ts';
import { httpTarget, kafkaTarget, type LoadTarget } from './targets.ts';
import { defaultTraffic, generateTraffic } from './traffic.ts';

function target(to: string, topic: string | undefined): LoadTarget {
  if (to === 'kafka') {
    const brokers = brokersFromEnv() ?? ['127.0.0.1:9092'];
    return kafkaTarget(brokers, { topic });
  }
  if (topic !== undefined) throw new UsageError('--topic goes with --to kafka: the API writes its own topic');
  if (/^https?:\/\//.test(to)) return httpTarget(to.replace(/\/$/, ''), process.env.API_TOKEN);
  throw new UsageError(`--to takes an http(s) URL of a Sluice runtime or 'kafka', not '${to}'`);
}

const load: Command = {
  name: 'load',
  summary: 'send realistic, seeded review traffic to the HTTP API or straight to Kafka',
  usage:
    'load -- [--to http://127.0.0.1:8080|kafka [--topic reviews]] [--rate 2000/s|max] [--count N | --duration 60s] [--seed 42] [--courses 1000] [--users 5000]',
  async run(args) {
    const { options } = parseArgs(args);
    const durationText = options.get('duration');
    const durationMs = durationText ? parseDuration(durationText) : undefined;
    if (durationText && durationMs === undefined) throw new UsageError(`--duration takes a duration like 60s, not '${durationText}'`);
    const rate = rateOption(options.get('rate'));
    const count = numberOption(options, 'count', durationMs && rate ? Math.ceil((durationMs / 1000) * rate) : 10_000);
    const traffic = {
      ...defaultTraffic(await corpusTexts()),
      seed: numberOption(options, 'seed', 42),
      count,
      courses: numberOption(options, 'courses', 1000),
      users: numberOption(options, 'users', 5000),
    };
    const sink = target(options.get('to') ?? 'http://127.0.0.1:8080', options.get('topic'));
    const bar = (sent: number, failed: number, perSecond: number) =>
      process.stderr.write(
        `\r${sent.toLocaleString('en')}/${count.toLocaleString('en')} sent, ${Math.round(perSecond).toLocaleString('en')}/s, ${failed} failed   `,
      );
    try {
      const result = await pace(generateTraffic(traffic), sink, { rate, durationMs, onProgress: (p) => bar(p.sent, p.failed, p.rate) });
      bar(result.sent, result.failed, result.rate);
      process.stderr.write('\n');
      console.log(
        JSON.stringify({ sent: result.sent, failed: result.failed, seconds: result.elapsedMs / 1000, perSecond: Math.round(result.rate) }),
      );
      return result.failed > 0 ? 1 : 0;
    } finally {
      await sink.close();
    }
  },
};

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`${load.summary}\nusage: npm run ${load.usage}`);
    return 0;
  }
  try {
    return await load.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`load: ${error.message}\nusage: npm run ${load.usage}`);
      return 2;
    }
    if (error instanceof CommandError) {
      console.error(`load: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
