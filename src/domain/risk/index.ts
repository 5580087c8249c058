/** The strategic risk register's pure rules: scale, score, rating, movement, heat map, overdue list, series. */
export * from './scale.js';
export * from './score.js';
export * from './rating.js';
export * from './movement.js';
export * from './heat-map.js';
export * from './review-dates.js';
export * from './statuses.js';
export * from './overdue.js';
export * from './series.js';
