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
