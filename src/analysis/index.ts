// Public exports of src/analysis (owned by whoever builds analysis).
export {};
