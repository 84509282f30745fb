// The local Apache Kafka broker: official jars from Maven Central (resolved by
// runtime/local/kafka/pom.xml), one KRaft node acting as broker and controller.
// Used by `npm start`, by the test suite's global setup and by the benchmarks.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
const pomFile = join(here, 'pom.xml');

/** A prerequisite is missing: say what to install, never print a stack trace. */
export class PrerequisiteError extends Error {}

/** The broker did not come up; `logTail` holds the end of its log. */
export class BrokerStartError extends Error {
  constructor(
    message: string,
    readonly logTail: string,
  ) {
    super(message);
  }
}

export interface LocalBroker {
  brokers: string[];
  version: string;
  logFile: string;
  startupMs: number;
  stop(): Promise<void>;
}

export interface BrokerOptions {
  /** Where the broker keeps its log segments; reused across runs when it exists. */
  dataDir: string;
  /** Preferred client port; a free one is picked (and reported) when it is taken. */
  port?: number;
  /** Called with one line for each lifecycle step. */
  log?: (line: string) => void;
  /** Maximum heap for the JVM. */
  heap?: string;
  /** Broker properties that replace or add to the defaults (tests make the retention check frequent). */
  overrides?: Record<string, string>;
}

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

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => done(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function choosePort(preferred: number | undefined, what: string, log: (line: string) => void): Promise<number> {
  if (preferred !== undefined && (await isPortFree(preferred))) return preferred;
  const port = await freePort();
  if (preferred !== undefined) log(`${what} port ${preferred} is taken; using ${port} instead`);
  return port;
}

function clusterId(): string {
  return randomBytes(16).toString('base64url');
}

function serverProperties(dataDir: string, port: number, controllerPort: number, overrides: Record<string, string> = {}): string {
  const lines = [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(dataDir, 'logs')}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=4',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=4',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    // A single local node: keep the log cleaner responsive for compacted topics.
    'log.cleaner.backoff.ms=1000',
  ];
  const overridden = lines.filter((line) => !((line.split('=')[0] ?? '') in overrides));
  return [...overridden, ...Object.entries(overrides).map(([name, value]) => `${name}=${value}`), ''].join('\n');
}

function log4jConfig(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = file',
    'logger.kafka.name = kafka',
    'logger.kafka.level = INFO',
    'logger.state.name = state.change.logger',
    'logger.state.level = WARN',
    '',
  ].join('\n');
}

interface SavedPorts {
  port: number;
  controllerPort: number;
}

function readSavedPorts(file: string): SavedPorts | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SavedPorts;
  } catch {
    return undefined;
  }
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no broker log was written)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function javaArgs(libs: string, heap: string, configDir: string): string[] {
  return [
    `-Xmx${heap}`,
    '-Xms128m',
    '-XX:+UseG1GC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${join(configDir, 'log4j2.properties')}`,
    '-cp',
    join(libs, '*'),
  ];
}

function formatStorage(libs: string, configDir: string, heap: string): void {
  const properties = join(configDir, 'server.properties');
  execFileSync(
    'java',
    [
      ...javaArgs(libs, heap, configDir),
      'kafka.tools.StorageTool',
      'format',
      `--cluster-id=${clusterId()}`,
      '-c',
      properties,
      '--ignore-formatted',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitUntilStarted(child: ChildProcess, logFile: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `the broker exited (${signal ?? `code ${code}`})`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new BrokerStartError(exited, tail(logFile));
    const started =
      existsSync(logFile) && /Kafka Server started|\[KafkaRaftServer nodeId=1\] Kafka Server started/.test(readFileSync(logFile, 'utf8'));
    if (started && (await canConnect(port))) return;
    await sleep(100);
  }
  throw new BrokerStartError(`the broker did not start within ${timeoutMs / 1000}s`, tail(logFile));
}

/** Starts a single-node KRaft broker and resolves once it accepts clients. */
export async function startLocalBroker(options: BrokerOptions): Promise<LocalBroker> {
  const log = options.log ?? (() => {});
  const heap = options.heap ?? '1g';
  const began = Date.now();
  checkJava();
  const libs = ensureKafkaJars(log);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const portsFile = join(dataDir, 'ports.json');
  const saved = readSavedPorts(portsFile);
  const port = await choosePort(options.port ?? saved?.port, 'Kafka', log);
  // The controller port is part of the KRaft quorum's identity: keep it stable.
  const controllerPort = await choosePort(saved?.controllerPort, 'Kafka controller', () => {});
  writeFileSync(portsFile, JSON.stringify({ port, controllerPort }));
  const logFile = join(dataDir, 'broker.log');
  writeFileSync(join(dataDir, 'server.properties'), serverProperties(dataDir, port, controllerPort, options.overrides));
  writeFileSync(join(dataDir, 'log4j2.properties'), log4jConfig(logFile));
  writeFileSync(logFile, '');
  const logsDir = join(dataDir, 'logs');
  if (!existsSync(logsDir) || readdirSync(logsDir).length === 0) formatStorage(libs, dataDir, heap);

  const child = spawn(
    process.execPath,
    [join(here, '..', 'watchdog.mjs'), 'java', ...javaArgs(libs, heap, dataDir), 'kafka.Kafka', join(dataDir, 'server.properties')],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
      detached: true, // its own process group: Ctrl-C goes to us, and we stop it in order
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    await exited;
  };
  try {
    await waitUntilStarted(child, logFile, port, 90_000);
  } catch (error) {
    await stop();
    if (error instanceof BrokerStartError && stderr) throw new BrokerStartError(error.message, `${error.logTail}\n${stderr}`);
    throw error;
  }
  const startupMs = Date.now() - began;
  log(`Kafka ${kafkaVersion()} broker ready on 127.0.0.1:${port} in ${(startupMs / 1000).toFixed(1)}s (data: ${dataDir})`);
  return { brokers: [`127.0.0.1:${port}`], version: kafkaVersion(), logFile, startupMs, stop };
}
