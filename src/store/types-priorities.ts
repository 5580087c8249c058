/** The priorities register's tables as Kysely sees them (merged into Database in types.ts). */
export interface PriorityTables {}
