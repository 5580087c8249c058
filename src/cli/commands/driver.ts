import { Command } from 'commander';

export const driverCommand = new Command('driver').description("environmental scanning: change drivers, their scores and history, the impact x uncertainty matrix, configurations");
