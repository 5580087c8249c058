import { Command } from 'commander';

export const priorityCommand = new Command('priority').description("partners' priorities: each partner's priorities mapped to a common taxonomy, the side-by-side matrix, congruence with the Control Strategy");
