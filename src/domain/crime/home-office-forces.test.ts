/** Force names as the Home Office PRC tables (and ONS force area tables) write them. */
import { describe, expect, it } from 'vitest';
import { prcForce } from './home-office-forces.js';

describe('Home Office force names', () => {
  it('map force names of both releases to police.uk ids, and mark BTP and the fraud bodies', () => {
    expect(prcForce('Avon and Somerset')).toEqual({ force: 'avon-and-somerset', kind: 'territorial' });
    expect(prcForce('Avon & Somerset')).toEqual({ force: 'avon-and-somerset', kind: 'territorial' });
    expect(prcForce('Devon & Cornwall')).toEqual({ force: 'devon-and-cornwall', kind: 'territorial' });
    expect(prcForce('London, City of')).toEqual({ force: 'city-of-london', kind: 'territorial' });
    expect(prcForce('Metropolitan Police')).toEqual({ force: 'metropolitan', kind: 'territorial' });
    expect(prcForce('Dyfed-Powys')).toEqual({ force: 'dyfed-powys', kind: 'territorial' });
    expect(prcForce('British Transport Police')).toEqual({ force: 'btp', kind: 'btp' });
    for (const body of ['Action Fraud', 'CIFAS', 'UK Finance', 'Financial Fraud Action UK'])
      expect(prcForce(body)).toEqual({ force: null, kind: 'fraud-body' });
    expect(prcForce('Police Service of Northern Ireland')).toBeUndefined();
    expect(prcForce('Atlantis')).toBeUndefined();
  });
});
