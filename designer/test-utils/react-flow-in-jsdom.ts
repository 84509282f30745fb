// What React Flow needs from a browser that jsdom lacks (React Flow's own testing guide lists the same): a
// ResizeObserver, DOMMatrixReadOnly, and element sizes. Call once per test file that renders the canvas.
export function prepareReactFlowForJsdom(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  globalThis.DOMMatrixReadOnly ??= class {
    m22: number;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
      this.m22 = scale === undefined ? 1 : Number(scale);
    }
  } as unknown as typeof DOMMatrixReadOnly;
  Object.defineProperties(globalThis.HTMLElement.prototype, {
    offsetHeight: { get: () => 60, configurable: true },
    offsetWidth: { get: () => 200, configurable: true },
  });
}
