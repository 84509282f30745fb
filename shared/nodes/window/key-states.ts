// Every key a window knows, each in one of two forms: a KeyState object (it has rows
// in a sliding window, pending rows or open instances, or was touched since the last
// drain) or packed all-time numbers (packed-keys.ts). Callers ask for a KeyState and
// get one either way; keys go back to packed at `packSettled`, once per drain, so a
// hot key is not repacked on every record.
import { KeyState } from './key-state.ts';
import { PackedKeys } from './packed-keys.ts';
import type { TrackedValue } from './tracked-fields.ts';
import type { WindowLayout } from './window-layout.ts';

export class KeyStates {
  private readonly objects = new Map<string, KeyState>();
  /** Undefined when min/max need a multiset per key: then every key stays an object. */
  private readonly packed: PackedKeys | undefined;
  /** Keys that held only all-time figures when last settled. */
  private readonly packable = new Set<string>();

  constructor(private readonly layout: WindowLayout) {
    this.packed = PackedKeys.for(layout.tracked);
  }

  /** The key as an object, unpacked (and held as an object from now on) if it was packed. */
  get(key: string): KeyState | undefined {
    return this.objects.get(key) ?? this.fromPacked(key, true);
  }

  /** The key as an object to read from: a packed key stays packed. */
  peek(key: string): KeyState | undefined {
    return this.objects.get(key) ?? this.fromPacked(key, false);
  }

  /** Only keys held as objects (those with deadlines, rows or instances are among them). */
  held(key: string): KeyState | undefined {
    return this.objects.get(key);
  }

  create(key: string, asOf: number): KeyState {
    const state = new KeyState(this.layout, key, asOf);
    this.objects.set(key, state);
    return state;
  }

  delete(key: string): void {
    this.objects.delete(key);
  }

  /** The keys held as objects. */
  objectStates(): IterableIterator<KeyState> {
    return this.objects.values();
  }

  names(): string[] {
    return this.packed ? [...this.objects.keys(), ...this.packed.keys()] : [...this.objects.keys()];
  }

  get size(): number {
    return this.objects.size + this.packedSize;
  }

  get packedSize(): number {
    return this.packed?.size ?? 0;
  }

  /** Notes a settled key that may be packed at the next `packSettled`. */
  settled(state: KeyState): void {
    if (this.packed && state.holdsOnlyAllTime() && !state.isEmpty()) this.packable.add(state.key);
  }

  packSettled(): void {
    const packed = this.packed;
    if (!packed) return;
    for (const key of this.packable) {
      const state = this.objects.get(key);
      if (!state?.holdsOnlyAllTime()) continue;
      packed.pack(key, state.timeline.asOf, state.timeline.allTime);
      this.objects.delete(key);
    }
    this.packable.clear();
  }

  /**
   * Counts a row only all-time will ever see straight into the key's packed figures, if the key is not an
   * object and keys pack at all (a restore then builds no object per key); false when it did not.
   */
  countAllTimeOnly(key: string, asOf: number, values: readonly TrackedValue[]): boolean {
    if (!this.packed || this.objects.has(key)) return false;
    this.packed.add(key, asOf, values);
    return true;
  }

  clear(): void {
    this.objects.clear();
    this.packed?.clear();
    this.packable.clear();
  }

  private fromPacked(key: string, unpack: boolean): KeyState | undefined {
    if (!this.packed?.has(key)) return undefined;
    const state = new KeyState(this.layout, key, 0);
    const asOf = unpack ? this.packed.unpackInto(key, state.timeline.allTime) : this.packed.peekInto(key, state.timeline.allTime);
    if (asOf === undefined) return undefined;
    state.timeline.asOf = asOf;
    if (unpack) this.objects.set(key, state);
    return state;
  }
}
