// Public exports of the named policy patterns.
export {};
