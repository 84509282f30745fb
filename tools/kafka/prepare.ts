// Checks the local broker's prerequisites and fetches its jars, printing one
// clear line (never a stack trace) when something is missing.
import { PrerequisiteError } from '../../runtime/local/kafka/errors.ts';
import { checkJava, ensureKafkaJars } from '../../runtime/local/kafka/prerequisites.ts';

try {
  checkJava();
  ensureKafkaJars((line) => console.log(`sluice: ${line}`));
} catch (error) {
  if (!(error instanceof PrerequisiteError)) throw error;
  console.error(`sluice: ${error.message}`);
  process.exit(1);
}
