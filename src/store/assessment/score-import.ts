/**
 * Importing many scores at once (a force moving from its MoRiLE spreadsheet): all rows are
 * checked first, every problem named by line and field, and only a clean file is written, in one
 * transaction, so a bad file stores nothing. Rows name threats of the assessment by name (any
 * case) or id. A row for an assessor who already scored the threat is refused unless `replace`
 * is set; an identical row is left unchanged either way. Each row's assessor is a username: the
 * uploader's own, or, for an admin of the organisation only, another user who could score the
 * threat (assessor.ts); a file naming anyone else is refused whole.
 */
import { forbiddenError, inputError, StraError } from '../../errors.js';
import { requireMayScoreAs } from './assessor.js';
import type { Marking } from '../../domain/marking.js';
import { resolveInputs, type FactorInput } from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { canonicalJson } from '../core/canonical-json.js';
import { openAssessment } from './writes.js';
import { modelFor } from './models.js';
import { changeScore, insertScore, queryScores } from './scores.js';
import { inTransaction, type Store } from '../core/store.js';
import { listThreatsIn } from './reads.js';
import type { Threat } from './threats.js';
import { resolveOne } from '../core/uniqueness.js';

export interface ScoreRow {
  /** Line in the source file, for messages. */
  readonly line: number;
  readonly threat: string;
  readonly assessor: string;
  readonly values: FactorInput;
  readonly rationale: Readonly<Record<string, string>>;
  readonly marking?: Marking | undefined;
}

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export async function importScores(
  store: Store,
  actor: Actor,
  assessmentId: number,
  rows: readonly ScoreRow[],
  o: { source: string; replace?: boolean },
): Promise<ImportSummary> {
  return inTransaction(store, async (tx) => {
    const assessment = await openAssessment(tx, actor, assessmentId);
    const model = await modelFor(tx, actor, assessment.model);
    const threats = await listThreatsIn(tx, actor, assessmentId);
    const existing = await queryScores(tx, actor, { assessmentId });
    const problems: string[] = [];
    const seen = new Map<string, number>();
    const plan = rows.flatMap((row) => {
      const at = `${o.source} line ${row.line}`;
      // By id, or by name among the threats the actor can see; a name two of them carry (each at its
      // own marking: core/uniqueness.ts) is refused on its line, naming the ids to use.
      let threat: Threat | undefined;
      try {
        threat =
          threats.find((t) => String(t.id) === row.threat.trim()) ??
          resolveOne(
            threats.filter((t) => t.name.toLowerCase() === row.threat.trim().toLowerCase()),
            `Threat "${row.threat.trim()}"`,
          );
      } catch (e) {
        problems.push(`${at}, field "threat": ${(e as Error).message}`);
        return [];
      }
      if (threat === undefined) {
        problems.push(`${at}, field "threat": no threat "${row.threat}" in assessment ${assessmentId}`);
        return [];
      }
      const key = `${threat.id}\u0000${row.assessor.trim()}`;
      if (seen.has(key))
        problems.push(
          `${at}, field "assessor": ${row.assessor} already scored "${threat.name}" on line ${seen.get(key)}`,
        );
      seen.set(key, row.line);
      try {
        const values = resolveInputs(model, row.values);
        return [
          {
            row,
            threat,
            values,
            current: existing.find((s) => s.threatId === threat.id && s.assessor === row.assessor.trim()),
          },
        ];
      } catch (err) {
        if (!(err instanceof StraError)) throw err;
        const listed = (err.details?.problems as string[] | undefined) ?? [err.message];
        for (const p of listed)
          problems.push(`${at}, field "${p.split(':')[0]}": ${p.slice(p.indexOf(':') + 1).trim()}`);
        return [];
      }
    });
    // Each row's assessor is a user who may be scored for by the uploader (assessor.ts): rows
    // naming someone else are refused (403, naming the lines) unless the uploader is an admin.
    const refused: string[] = [];
    for (const p of plan) {
      try {
        await requireMayScoreAs(tx, actor, p.threat, p.row.assessor.trim(), { existing: p.current !== undefined });
      } catch (err) {
        if (!(err instanceof StraError)) throw err;
        (err.code === 'FORBIDDEN' ? refused : problems).push(
          `${o.source} line ${p.row.line}, field "assessor": ${err.message}`,
        );
      }
    }
    for (const p of plan) {
      if (p.current !== undefined && !o.replace && !same(p.current.inputs, p.values, p.row.rationale)) {
        problems.push(
          `${o.source} line ${p.row.line}, field "assessor": ${p.row.assessor} has already scored "${p.threat.name}" differently (score ${p.current.id}); import with --replace to overwrite`,
        );
      }
    }
    // The file's own problems first (what to fix), then rows the uploader may not enter (403).
    if (problems.length > 0)
      throw inputError(`${o.source}: nothing was imported; fix these and import again:\n  ${problems.join('\n  ')}`, {
        problems,
      });
    if (refused.length > 0)
      throw forbiddenError(`${o.source}: nothing was imported:\n  ${refused.join('\n  ')}`, { problems: refused });
    const summary = { created: 0, updated: 0, unchanged: 0 };
    for (const p of plan) {
      if (p.current === undefined) {
        await insertScore(tx, actor, {
          threatId: p.threat.id,
          assessor: p.row.assessor,
          values: p.values,
          rationale: p.row.rationale,
          marking: p.row.marking,
        });
        summary.created += 1;
      } else if (same(p.current.inputs, p.values, p.row.rationale)) {
        summary.unchanged += 1;
      } else {
        await changeScore(tx, actor, p.current.id, p.current.version, {
          values: p.values,
          rationale: p.row.rationale,
          marking: p.row.marking,
        });
        summary.updated += 1;
      }
    }
    return summary;
  });
}

function same(
  inputs: { values: unknown; rationale: unknown },
  values: unknown,
  rationale: Readonly<Record<string, string>>,
): boolean {
  const trimmed = Object.fromEntries(
    Object.entries(rationale)
      .filter(([, t]) => t.trim() !== '')
      .map(([k, t]) => [k, t.trim()]),
  );
  return (
    canonicalJson(inputs.values) === canonicalJson(values) && canonicalJson(inputs.rationale) === canonicalJson(trimmed)
  );
}
