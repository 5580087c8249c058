import { Command } from 'commander';

export const planCommand = new Command('plan').description("Police and Crime Plans and inspections: commissioners' objectives, plan mappings, inspection findings");
