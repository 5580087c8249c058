/** The shipped Warwickshire + West Mercia area table the demo generator draws LSOAs from. */
import { dataFile } from '../data-files.js';

export function allianceAreaTablePath(): string {
  return dataFile('areas', 'warwickshire-west-mercia.csv');
}
