/** The personal data a workbook holds: names and e-mails of people, as typed in its tabs. */
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { memoSource, readWorkbookModel } from '../../src/domain/model/read';

export function personalStrings(wb: MemoryWorkbook): string[] {
  const { model } = readWorkbookModel(memoSource(wb.sheetNames(), (n) => wb.read(n)));
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    const t = s?.trim();
    // Short strings (« DGS », « Moi ») would match inside ordinary words.
    if (t && t.length >= 6) out.add(t);
  };
  for (const m of model.equipe) {
    add(m.nom);
    add(m.email);
  }
  for (const s of model.services) for (const e of s.editeurs) add(e);
  for (const s of model.services) add(s.referent);
  for (const f of model.planActions) {
    add(f.personnePilote);
    add(f.eluReferent);
  }
  for (const p of model.preuves) add(p.responsable);
  for (const j of model.jalons) add(j.responsable);
  for (const e of model.engagements) add(e.qui);
  for (const a of model.acteurs) add(a.contact);
  for (const p of model.plans) add(p.eluReferent);
  for (const a of model.actions) add(a.pilote);
  // People named inside the référentiel's pilotes.
  for (const r of model.referentiel) add(r.pilote);
  return [...out];
}
