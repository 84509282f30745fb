// The embedded PostgreSQL under a supervisor: when the server dies it is started again on the same port.
import type { LocalPostgres } from '../postgres/embedded.ts';
import { type ManagedService, restartDelayMs } from './managed-service.ts';
import { type ProcessRef, processRef, type ServiceEndpoint } from './service-folder.ts';

export interface PostgresServiceOptions {
  dataDir: string;
  port?: number;
}

export class PostgresService implements ManagedService {
  private server: LocalPostgres | undefined;
  private stopping = false;
  private watch: NodeJS.Timeout | undefined;
  private restarting = false;
  private failures = 0;

  constructor(
    private readonly options: PostgresServiceOptions,
    private readonly say: (line: string) => void,
  ) {}

  async start(): Promise<ServiceEndpoint> {
    const server = await this.startServer(this.options.port);
    this.watch = setInterval(() => void this.checkAlive(), 1000);
    return { kind: 'postgres', url: server.url };
  }

  processes(): ProcessRef[] {
    const pid = this.server?.pid();
    return pid === undefined ? [] : [processRef(pid)];
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watch);
    await this.server?.stop();
  }

  private async startServer(port: number | undefined): Promise<LocalPostgres> {
    // Imported only here: the package installs process exit hooks of its own (embedded.ts removes them).
    const { startLocalPostgres } = await import('../postgres/embedded.ts');
    const server = await startLocalPostgres({ dataDir: this.options.dataDir, port, log: this.say });
    this.server = server;
    return server;
  }

  private async checkAlive(): Promise<void> {
    const server = this.server;
    if (!server || this.stopping || this.restarting || server.pid() !== undefined) return;
    this.restarting = true;
    this.say(`PostgreSQL exited; starting it again on port ${server.port}`);
    try {
      await new Promise((done) => setTimeout(done, restartDelayMs(++this.failures)));
      if (this.stopping) return;
      await this.startServer(server.port);
      this.failures = 0;
      this.say('PostgreSQL is back');
    } catch (error) {
      this.say(`PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.restarting = false;
    }
  }
}
