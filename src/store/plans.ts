/** The plans register (to be written). */
export {};
