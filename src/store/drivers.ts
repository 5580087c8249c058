/** The drivers register (to be written). */
export {};
