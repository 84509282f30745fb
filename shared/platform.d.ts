// The platform APIs shared/ code uses that exist alike in browsers and in Node. shared/tsconfig.json has neither
// DOM nor Node types, so they are declared here, as narrowly as used; the root tsconfig excludes this file and
// takes the real declarations from its DOM and Node types.
declare const performance: { now(): number };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
