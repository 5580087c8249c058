/** A background job's status (the web app's imports), as the store's CHECK allows (migration 008). */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
