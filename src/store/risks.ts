/** The risks register (to be written). */
export {};
