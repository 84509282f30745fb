export const runtimeEntry: string;
export const runtimeNodeArgs: string[];
export function bundleRuntime(root: string): string;
export function runtimeArgs(root: string): string[];
