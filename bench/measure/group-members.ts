// When the group coordinator drops a killed worker: the part of a crash's downtime that is the
// session timeout. It runs from the dead member's last heartbeat, not from the kill (a heartbeat
// every 3 s, so up to 3 s before it), so subtracting the whole timeout from kill → caught up
// undercounts, once below zero. Asking the broker gives the moment itself.
import type { Admin } from 'kafkajs';

/** The ids of the group's current members. */
export async function groupMembers(admin: Admin, groupId: string): Promise<Set<string>> {
  const { groups } = await admin.describeGroups([groupId]);
  return new Set((groups[0]?.members ?? []).map((member) => member.memberId));
}

/** True once none of `members` is in the group any more. */
export function membersGone(members: ReadonlySet<string>, current: ReadonlySet<string>): boolean {
  for (const member of members) if (current.has(member)) return false;
  return true;
}

/**
 * Polls the group every `everyMs` until none of `members` is in it; resolves with that time
 * (Date.now(), late by at most one poll), or undefined after `timeoutMs`.
 */
export async function whenMembersGone(
  admin: Admin,
  groupId: string,
  members: ReadonlySet<string>,
  { everyMs = 50, timeoutMs = 60_000 } = {},
): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const current = await groupMembers(admin, groupId).catch(() => undefined);
    if (current && membersGone(members, current)) return Date.now();
    await new Promise((done) => setTimeout(done, everyMs));
  }
  return undefined;
}
