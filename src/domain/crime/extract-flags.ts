/**
 * The flags a force extract may carry on a crime record: domestic abuse, the five monitored hate
 * crime strands, alcohol and the night-time economy. police.uk data has none of them, so they
 * are what a threat links to when its evidence needs them. Each is also a column name of the
 * force extract format (README, "Force extract CSV").
 */
export const EXTRACT_FLAGS = [
  'domestic_abuse',
  'hate_race',
  'hate_religion',
  'hate_sexual_orientation',
  'hate_disability',
  'hate_transgender',
  'alcohol',
  'night_time_economy',
] as const;
