// A clear banner when the runtime cannot be reached or Kafka is down; the designer keeps working offline.
import { api } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';

const HEALTH_EVERY_MS = 5000;

export function RuntimeBanner() {
  const health = useApi('health', api.health, HEALTH_EVERY_MS);
  if (health.state === 'error') {
    return (
      <div className="banner banner-error" role="alert">
        Runtime unreachable — you can keep designing and validating; deploy, metrics and stats need the runtime. ({health.message})
      </div>
    );
  }
  if (health.state === 'ok' && !health.value.kafka.connected) {
    return (
      <div className="banner banner-warn" role="alert">
        The runtime is up but cannot reach Kafka: writes get 503 and pipelines wait until it is back
        {health.value.kafka.reason ? ` (${health.value.kafka.reason})` : ''}.
      </div>
    );
  }
  return null;
}
