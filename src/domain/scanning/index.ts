/** Environmental scanning: change drivers' groups, scale, matrix, themes and configurations (pure). */
export * from './groups.js';
export * from './scale.js';
export * from './matrix.js';
export * from './themes.js';
export * from './configuration.js';
export * from './evidence.js';
