// Component tests (ng test web: Vitest in jsdom). jsdom lacks a few browser APIs that ng-zorro's
// components call while they lay themselves out; these stand-ins answer as a wide desktop window would.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// jsdom does no layout, so nothing is ever resized: a ResizeObserver that reports nothing.
if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
// jsdom has no canvas: the charts (echarts) draw into a 2D context that measures text roughly and
// draws nothing. What a chart shows is asserted through its data and its accessible label.
HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
  const ignore = (): undefined => undefined;
  const gradient = { addColorStop: ignore };
  const context: Record<string | symbol, unknown> = {
    canvas: this,
    measureText: (text: string) => ({ width: text.length * 12, actualBoundingBoxAscent: 10, actualBoundingBoxDescent: 2 }),
    createLinearGradient: () => gradient,
    createRadialGradient: () => gradient,
    createPattern: () => ({}),
    getImageData: (_x: number, _y: number, width: number, height: number) => ({ data: new Uint8ClampedArray(width * height * 4) }),
    getLineDash: () => [],
    isPointInPath: () => false,
  };
  return new Proxy(context, {
    get: (target, key) => (key in target ? target[key] : ignore),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
} as unknown as HTMLCanvasElement['getContext'];
