// Where the team's peer benchmark (Kafka Streams beside Sluice, kept outside this repository) starts Sluice's
// embedded PostgreSQL from, as it did before the local services moved to runtime/local/. Only a re-export.
export { startLocalPostgres } from '../../runtime/local/postgres/embedded.ts';
