// CSS imports are the browser's business; in jsdom they are empty modules.
export {};
