/** The priorities register (to be written). */
export {};
