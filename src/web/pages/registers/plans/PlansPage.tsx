/**
 * Police and Crime Plans and inspections: two commissioners' plans side by side by theme (the
 * seed's Appendix 1), and the inspections with their findings and progress. An analyst adds a
 * plan here (its objectives on the plan's page), maps two plans onto each other, links their
 * themes and pairs their objectives.
 */
import { useId, useState } from 'react';
import { qs } from '../../../api';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { Inspections } from './Inspections';
import { PlanComparisonTable } from './PlanComparisonTable';
import { PlanList } from './PlanList';
import { MappingLinkForms, NewMappingForm } from './MappingForms';
import { useSession } from '../../../session';
import { editableOrganisations, mayEditIn } from '../../assessment/can-edit';
import type { Plan, PlanComparison, PlanMapping } from '../../../../api/index.js';

export function PlansPage() {
  const plans = useApi<Plan[]>('/plans');
  const mappings = useApi<PlanMapping[]>('/plan-mappings');
  return (
    <main id="main">
      <h1>Plans and inspections</h1>
      <p className="lede">
        The Police and Crime Commissioners' plans set side by side, and what the inspectorate found and how it is being
        acted on.
      </p>
      <section aria-labelledby="h-plan-list">
        <h2 id="h-plan-list">Police and Crime Plans</h2>
        <Await loaded={plans}>{(list) => <PlanList plans={list} onAdded={plans.reload} />}</Await>
      </section>
      <section aria-labelledby="h-plans">
        <h2 id="h-plans">Police and Crime Plans side by side</h2>
        <Await loaded={plans}>
          {(list) =>
            list.length < 2 ? (
              <p className="empty">
                {list.length === 0
                  ? 'There are no plans you can see.'
                  : 'Only one plan is visible to you; there is nothing to set beside it.'}
              </p>
            ) : mappings.data === undefined ? null : (
              <Comparison plans={list} mappings={mappings.data} onMapped={mappings.reload} />
            )
          }
        </Await>
      </section>
      <section aria-labelledby="h-inspections">
        <h2 id="h-inspections">Inspections</h2>
        <Inspections />
      </section>
    </main>
  );
}

function Comparison({
  plans,
  mappings,
  onMapped,
}: {
  plans: readonly Plan[];
  mappings: readonly PlanMapping[];
  onMapped: () => void;
}) {
  const id = useId();
  const { me } = useSession();
  const [mapping, setMapping] = useState(false);
  // By default the first pair someone has mapped (the seed's Appendix 1 in the demo), else the first two plans.
  const first = mappings[0];
  const [a, setA] = useState(first?.planAId ?? plans[0]!.id);
  const [b, setB] = useState(first?.planBId ?? plans[1]!.id);
  const view = useApi<PlanComparison>(a === b ? undefined : `/plans/compare${qs({ a, b })}`);
  const options = plans.map((p) => (
    <option key={p.id} value={p.id}>
      {p.title} ({p.period})
    </option>
  ));
  return (
    <>
      <div className="filters">
        <label htmlFor={`${id}-a`}>
          Left column
          <select id={`${id}-a`} value={a} onChange={(e) => setA(Number(e.target.value))}>
            {options}
          </select>
        </label>
        <label htmlFor={`${id}-b`}>
          Right column
          <select id={`${id}-b`} value={b} onChange={(e) => setB(Number(e.target.value))}>
            {options}
          </select>
        </label>
      </div>
      {a === b ? (
        <p className="empty">Choose two different plans.</p>
      ) : (
        <Await loaded={view}>
          {(v) => {
            const organisations = editableOrganisations(me);
            const canMap = v.mapping === null ? organisations.length > 0 : mayEditIn(me, v.mapping.organisationId);
            return (
              <>
                {canMap && (
                  <p>
                    <button type="button" aria-expanded={mapping} onClick={() => setMapping(!mapping)}>
                      {mapping
                        ? 'Close the mapping forms'
                        : v.mapping === null
                          ? 'Map these two plans'
                          : 'Link themes and pair objectives'}
                    </button>
                  </p>
                )}
                {canMap && mapping && v.mapping === null && (
                  <NewMappingForm
                    key={`${v.planA.id}-${v.planB.id}`}
                    planA={v.planA}
                    planB={v.planB}
                    organisations={organisations}
                    onAdded={() => {
                      view.reload();
                      onMapped();
                    }}
                  />
                )}
                {canMap && mapping && v.mapping !== null && (
                  <MappingLinkForms key={v.mapping.id} mapping={v.mapping} onSaved={view.reload} />
                )}
                <PlanComparisonTable view={v} />
              </>
            );
          }}
        </Await>
      )}
    </>
  );
}
