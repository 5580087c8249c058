/**
 * The exact header lines of the three police.uk monthly CSV files, as in the real archive
 * (see `../shared/data/police-uk/README.md`). The generator writes these byte for byte.
 */
export const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

export const OUTCOMES_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type';

export const STOP_AND_SEARCH_HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

export type FileKind = 'street' | 'outcomes' | 'stop-and-search';

export const FILE_KINDS: readonly FileKind[] = ['street', 'outcomes', 'stop-and-search'];

export const HEADERS: Readonly<Record<FileKind, string>> = {
  street: STREET_HEADER,
  outcomes: OUTCOMES_HEADER,
  'stop-and-search': STOP_AND_SEARCH_HEADER,
};

/** `YYYY-MM/YYYY-MM-<force>-<kind>.csv`, the archive's layout. */
export function archivePath(month: string, force: string, kind: FileKind): string {
  return `${month}/${month}-${force}-${kind}.csv`;
}
