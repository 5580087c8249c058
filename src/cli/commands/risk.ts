import { Command } from 'commander';

export const riskCommand = new Command('risk').description("the strategic risk register: risks, monthly reviews, heat map, overdue reviews");
