// Public exports of src/vocabulary (owned by whoever builds vocabulary).
export {};
