/**
 * Data and imports: uploading police.uk files (analysts and administrators), what the warehouse
 * holds by force and month, and the history of imports with their rejected rows.
 */
import { useCallback } from 'react';
import { hasRole, useSession } from '../../session';
import { useApi } from '../../use-api';
import { UploadForm } from './UploadForm';
import { Coverage } from './Coverage';
import { ImportHistory } from './ImportHistory';
import type { ImportRecord, WarehouseSummary } from '../../../api/index.js';

export function DataPage() {
  const { me } = useSession();
  const imports = useApi<ImportRecord[]>('/imports');
  const warehouse = useApi<WarehouseSummary>('/trends/warehouse');
  const canImport = hasRole(me, 'analyst') || hasRole(me, 'admin');
  const { reload: reloadImports } = imports;
  const { reload: reloadWarehouse } = warehouse;
  const imported = useCallback(() => {
    reloadImports();
    reloadWarehouse();
  }, [reloadImports, reloadWarehouse]);
  return (
    <main id="main">
      <h1>Data and imports</h1>
      <p className="lede">
        Recorded crime in the police.uk open-data format. Contains public sector information licensed under the Open
        Government Licence v3.0.
      </p>
      {canImport ? (
        <UploadForm onImported={imported} />
      ) : (
        <p className="callout">
          Uploading data needs the analyst or administrator role; you can see what is loaded and the import history.
        </p>
      )}
      <Coverage summary={warehouse} />
      <ImportHistory imports={imports} />
    </main>
  );
}
