#!/usr/bin/env node
// Approximate score of the Val de Loue sample (referentiel.json) against eci.json.
// Usage: node sheets-templates/val-de-loue/check-score.mjs
//
// Deliberately simple, to tune the sample's statuses, not to replace the engine:
// - "Fait" = 100 % of the line's points, "Programmé" / "Pas fait" likewise,
//   "Détaillé au %" = the fractions typed, a sous-mesure without its own status
//   = the sum of its tâches;
// - "Non concerné" removes the line from the potential, WITHOUT the platform's
//   redistribution of its points to the sister lines;
// - the population rule of eci_3.7.1 / eci_3.7.2 (`reduction`) is applied, the
//   other personalisation rules are not evaluated.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const eci = JSON.parse(readFileSync(join(here, '../../src/domain/referentiel/data/eci.json'), 'utf8'));
const ref = JSON.parse(readFileSync(join(here, 'referentiel.json'), 'utf8'));
const accueil = JSON.parse(readFileSync(join(here, 'accueil.json'), 'utf8'));
const population = Number(accueil.identite.Population);

const byId = new Map(ref.rows.map((r) => [r.Identifiant, r]));

/** [fait, programmé, pas fait] fractions of a row, or null (non renseigné / non concerné). */
function fractions(row) {
  switch (row?.Statut) {
    case 'Fait': return [1, 0, 0];
    case 'Programmé': return [0, 1, 0];
    case 'Pas fait': return [0, 0, 1];
    case 'Détaillé au %': return [Number(row['Fait %'] ?? 0), Number(row['Programmé %'] ?? 0), Number(row['Pas fait %'] ?? 0)];
    default: return null;
  }
}

function reductionFactor(sm) {
  const rule = sm.personnalisation?.reduction;
  if (!rule) return 1;
  const m = /identite\(population,\s*moins_de_100000\)\s*alors\s*([\d.]+)(?:\/([\d.]+))?/.exec(rule);
  if (!m || !(population < 100000)) return 1;
  return Number(m[1]) / (m[2] ? Number(m[2]) : 1);
}

const total = { potentiel: 0, fait: 0, programme: 0, pasFait: 0, nonRenseigne: 0 };
const axes = [];
const missing = [];
const badSums = [];
let nc = 0, viaTaches = 0, detailles = 0;

for (const axe of eci.axes) {
  const a = { id: axe.id, potentiel: 0, fait: 0, programme: 0 };
  for (const mesure of axe.sousAxes) {
    for (const sm of mesure.actions) {
      const pts = Number(sm.points) * reductionFactor(sm);
      const row = byId.get(sm.id);
      let f = [0, 0, 0];
      let concerned = true;
      if (row && row.Statut === 'Non concerné') { concerned = false; nc++; }
      else if (row && fractions(row)) {
        f = fractions(row);
        if (row.Statut === 'Détaillé au %') {
          detailles++;
          if (Math.abs(f[0] + f[1] + f[2] - 1) > 1e-6) badSums.push(sm.id);
        }
      } else if ((sm.subActions ?? []).length > 0 && sm.subActions.every((t) => byId.has(t.id))) {
        viaTaches++;
        const raw = sm.subActions.reduce((s, t) => s + Number(t.points), 0) || 1;
        for (const t of sm.subActions) {
          const tr = byId.get(t.id);
          if (tr.Statut === 'Non concerné') continue;
          const tf = fractions(tr) ?? [0, 0, 0];
          const share = Number(t.points) / raw;
          f = f.map((x, i) => x + share * tf[i]);
        }
      } else {
        missing.push(sm.id);
      }
      if (!concerned) continue;
      a.potentiel += pts; a.fait += pts * f[0]; a.programme += pts * f[1];
      total.potentiel += pts; total.fait += pts * f[0]; total.programme += pts * f[1]; total.pasFait += pts * f[2];
      if (f[0] + f[1] + f[2] === 0) total.nonRenseigne += pts;
    }
  }
  axes.push(a);
}

const pct = (x, y) => (y ? (100 * x / y).toFixed(1) : '0.0');
console.log(`Val de Loue – score approché (${ref.rows.length} lignes dans referentiel.json)`);
for (const a of axes) {
  console.log(`  ${a.id.padEnd(6)} potentiel ${a.potentiel.toFixed(1).padStart(6)}  réalisé ${pct(a.fait, a.potentiel).padStart(5)} %  programmé ${pct(a.programme, a.potentiel).padStart(5)} %`);
}
console.log(`  Total  potentiel ${total.potentiel.toFixed(1)} pts, fait ${total.fait.toFixed(1)}, programmé ${total.programme.toFixed(1)}, pas fait ${total.pasFait.toFixed(1)}`);
console.log(`  Score réalisé : ${pct(total.fait, total.potentiel)} %`);
console.log(`  Score programmé : ${pct(total.programme, total.potentiel)} %`);
console.log(`  Réalisé + programmé : ${pct(total.fait + total.programme, total.potentiel)} %`);
console.log(`  Sous-mesures : ${nc} non concernées, ${viaTaches} détaillées à la tâche, ${detailles} détaillées au %`);

const star = [...eci.stars].reverse().find((s) => Number(pct(total.fait, total.potentiel)) >= s.threshold);
console.log(`  Étoile visée par le score réalisé (hors critères) : ${star ? star.stars : 0}`);

// First-star criteria (seed data): minimum % réalisé on a line.
function realise(id) {
  const row = byId.get(id);
  if (row && fractions(row)) return fractions(row)[0];
  const sm = eci.axes.flatMap((x) => x.sousAxes).flatMap((m) => m.actions).find((s) => s.id === id);
  if (!sm) return 0;
  const raw = sm.subActions.reduce((s, t) => s + Number(t.points), 0) || 1;
  return sm.subActions.reduce((s, t) => s + (Number(t.points) / raw) * ((fractions(byId.get(t.id)) ?? [0])[0]), 0);
}
const etoile1 = eci.criteresEtoilesPlateforme.filter((c) => c.etoile === 1);
for (const c of etoile1) {
  const r = realise(c.actionId) * 100;
  console.log(`  Étoile 1 · ${c.actionId.padEnd(12)} ${r >= c.minRealisePercentage ? 'OK ' : 'NON'} (${r.toFixed(0)} % / ${c.minRealisePercentage} %)`);
}
if (missing.length) console.log(`  Sous-mesures non couvertes : ${missing.join(', ')}`);
if (badSums.length) console.log(`  Fractions dont la somme ne vaut pas 1 : ${badSums.join(', ')}`);
process.exitCode = missing.length || badSums.length ? 1 : 0;
