// When a supervisor stops its service: as soon as the last client has said goodbye (removed its
// lease), or, when the last one died instead (a crash, a SIGKILL), after a grace period in which
// a restarted client attaches again without waiting for the service to start afresh.
export class IdleDecision {
  private previousLive = 0;
  private lastDepartureCrashed = false;
  private idleDeadline: number | undefined;

  constructor(private readonly lingerMs: number) {}

  /** `live`: clients holding a lease now; `crashed`: leases just removed because their process was gone. */
  observe(now: number, live: number, crashed: number): 'keep' | 'stop' {
    if (crashed > 0) this.lastDepartureCrashed = true;
    else if (live < this.previousLive) this.lastDepartureCrashed = false;
    this.previousLive = live;
    if (live > 0) {
      this.idleDeadline = undefined;
      return 'keep';
    }
    this.idleDeadline ??= now + (this.lastDepartureCrashed ? this.lingerMs : 0);
    return now >= this.idleDeadline ? 'stop' : 'keep';
  }
}
