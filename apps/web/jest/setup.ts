import { configure } from "@testing-library/dom";

// What jsdom lacks and antd expects of a browser.
Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// antd's form batches watchers in a macrotask through a MessageChannel; a timer does the same here.
class MessageChannelStub {
  port1: { onmessage: ((event: { data: unknown }) => void) | null } = { onmessage: null };
  port2 = { postMessage: (data: unknown) => setTimeout(() => this.port1.onmessage?.({ data }), 0) };
}
if (!("MessageChannel" in globalThis))
  Object.defineProperty(globalThis, "MessageChannel", { value: MessageChannelStub });

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!("ResizeObserver" in window)) Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub });

// Apollo Client encodes request bodies; jsdom leaves these Node globals out.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeUtil = require("node:util") as typeof import("node:util");
Object.assign(globalThis, { TextDecoder: nodeUtil.TextDecoder, TextEncoder: nodeUtil.TextEncoder });

export {};

// findBy… waits up to 5 s instead of 1 s: antd's first render of a form takes longer than that on a
// loaded 2-core machine. A watchdog, not a speed check.
configure({ asyncUtilTimeout: 5000 });
