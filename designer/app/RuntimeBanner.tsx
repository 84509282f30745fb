// A clear banner when the runtime cannot be reached or Kafka is down; the designer keeps working offline.
import { useHealth } from '../api/use-health.ts';

export function RuntimeBanner() {
  const health = useHealth();
  if (health.state === 'unreachable') {
    return (
      <div className="banner banner-error" role="alert">
        Runtime unreachable — you can keep designing and validating; deploy, metrics and stats need the runtime. ({health.message})
      </div>
    );
  }
  if (health.state === 'up' && !health.health.kafka.connected) {
    return (
      <div className="banner banner-warn" role="alert">
        The runtime is up but not connected to Kafka.
      </div>
    );
  }
  return null;
}
