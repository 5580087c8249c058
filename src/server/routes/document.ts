/**
 * The document's records from the web app (issue 14): each part's written texts, one per marking
 * (listed with the texts the user may see, written with the version read: 409 with the text as it
 * is now when stale), the documents built and kept, and a new version of an assessment after approval.
 * Thin: parse, call one library function, answer.
 */
import { Hono } from 'hono';
import {
  ReviseRequest,
  TEXT_PARTS,
  TextWrite,
  type KeptDocumentsAnswer,
  type ReviseAnswer,
  type TextPartsAnswer,
  type TextWritten,
} from '../../api/index.js';
import { saveAnalystText } from '../../report/text/save-text.js';
import { getAssessment, listAnalystTexts, listKeptDocuments, reviseAssessment, type Store } from '../../store/index.js';
import { actorOf, type AppEnv } from '../session.js';
import { body, idParam, staleAware } from '../validate.js';

export function documentRoutes(store: Store): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assessments/:id/texts', async (c) => {
    const id = idParam(c, 'id');
    const texts = await listAnalystTexts(store, actorOf(c), id);
    const parts = Object.entries(TEXT_PARTS).map(([part, purpose]) => {
      const mine = texts.filter((t) => t.part === part); // lowest marking first
      return { part, purpose, text: mine.at(-1) ?? null, texts: mine };
    });
    return c.json({ assessmentId: id, parts } satisfies TextPartsAnswer);
  });
  app.put('/assessments/:id/texts/:part', async (c) => {
    const [actor, id, part] = [actorOf(c), idParam(c, 'id'), c.req.param('part')];
    const input = await body(c, TextWrite);
    const written = await staleAware(
      () => saveAnalystText(store, actor, { assessmentId: id, part, ...input }),
      // The text the write meant, as it is now: the one at its marking (see writeAnalystText).
      async () => {
        const mine = (await listAnalystTexts(store, actor, id)).filter((t) => t.part === part);
        const at =
          input.editing ??
          input.marking ??
          (input.expectedVersion === null ? (await getAssessment(store, actor, id)).marking : undefined);
        return (
          (at === undefined ? (mine.length === 1 ? mine[0] : undefined) : mine.find((t) => t.marking === at)) ?? null
        );
      },
    );
    return c.json(written satisfies TextWritten);
  });
  app.get('/assessments/:id/documents', async (c) => {
    const id = idParam(c, 'id');
    return c.json({
      assessmentId: id,
      documents: await listKeptDocuments(store, actorOf(c), id),
    } satisfies KeptDocumentsAnswer);
  });
  // A new version of the same period: threats, scores and text copied into a draft (approval froze this one).
  app.post('/assessments/:id/revise', async (c) => {
    const input = await body(c, ReviseRequest);
    const r = await reviseAssessment(store, actorOf(c), idParam(c, 'id'), input);
    return c.json({ assessment: r.assessment, carried: r.carried } satisfies ReviseAnswer, 201);
  });
  return app;
}
