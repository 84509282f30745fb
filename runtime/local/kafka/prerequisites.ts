// What the local Kafka broker needs before it can start: Java, and the official jars from
// Maven Central (named by runtime/local/kafka/pom.xml), resolved once into .cache/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFile, repoRoot } from '../project-root.ts';
import { PrerequisiteError } from './errors.ts';

const pomFile = projectFile('runtime/local/kafka/pom.xml');

export function kafkaVersion(): string {
  const match = readFileSync(pomFile, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!match?.[1]) throw new Error(`no <kafka.version> in ${pomFile}`);
  return match[1];
}

export function kafkaLibDir(): string {
  return join(repoRoot, '.cache', 'kafka', kafkaVersion(), 'libs');
}

/** Both output streams of a command, or undefined when it is not installed. */
function commandOutput(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return undefined;
  return `${result.stdout}${result.stderr}`;
}

const setKafkaBrokersHint = 'or set KAFKA_BROKERS to use an existing Kafka cluster';

export function checkJava(): void {
  const out = commandOutput('java', ['-version']);
  if (out === undefined)
    throw new PrerequisiteError(
      `Java 17 or newer is needed to run the local Kafka broker: install a JDK (e.g. apt-get install openjdk-17-jre-headless), ${setKafkaBrokersHint}.`,
    );
  const major = Number(out.match(/version "(\d+)/)?.[1] ?? 0);
  if (major < 17)
    throw new PrerequisiteError(
      `Java ${major} found, but Kafka ${kafkaVersion()} needs Java 17 or newer: install a newer JDK, ${setKafkaBrokersHint}.`,
    );
}

/** Resolves the broker jars into the ignored cache folder, once. */
export function ensureKafkaJars(log: (line: string) => void = () => {}): string {
  const libs = kafkaLibDir();
  const marker = join(libs, '.complete');
  if (existsSync(marker)) return libs;
  if (commandOutput('mvn', ['-v']) === undefined) {
    throw new PrerequisiteError(
      `Maven is needed once to fetch the Apache Kafka jars: install it (e.g. apt-get install maven), ${setKafkaBrokersHint}.`,
    );
  }
  log(`resolving Apache Kafka ${kafkaVersion()} jars from Maven Central into ${libs}`);
  mkdirSync(libs, { recursive: true });
  try {
    execFileSync(
      'mvn',
      ['-q', '-B', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`, '-DincludeScope=runtime'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    const output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new PrerequisiteError(`mvn could not resolve the Kafka jars:\n${output}`);
  }
  writeFileSync(marker, new Date().toISOString());
  return libs;
}
