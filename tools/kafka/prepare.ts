// Checks the local broker's prerequisites and fetches its jars, printing one
// clear line (never a stack trace) when something is missing.
import { checkJava, ensureKafkaJars, PrerequisiteError } from '../../runtime/local/kafka/broker.ts';

try {
  checkJava();
  ensureKafkaJars((line) => console.log(`sluice: ${line}`));
} catch (error) {
  if (!(error instanceof PrerequisiteError)) throw error;
  console.error(`sluice: ${error.message}`);
  process.exit(1);
}
