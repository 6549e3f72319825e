// Public exports of src/policies (owned by whoever builds policies).
export {};
