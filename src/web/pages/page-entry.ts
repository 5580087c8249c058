import type { ComponentType } from 'react';
import type { Role } from '../../api/index.js';

export interface PageEntry {
  readonly path: string;
  // Each page takes its own route params; the registry holds them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly component: ComponentType<any>;
  /** Menu label; pages without one are reached from other pages. */
  readonly menu?: string;
  /** Menu group: 'assessment' paths contain :id, the current assessment from the address. */
  readonly group?: 'assessment' | 'data' | 'analysis' | 'registers' | 'admin';
  /** Shown only to users holding this role somewhere. */
  readonly role?: Role;
}
