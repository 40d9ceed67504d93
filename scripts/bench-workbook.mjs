/**
 * The benchmark's workbook (scripts/bench.mjs), also opened by the web page's
 * test (tests/web): an installed workbook with `tabs` service tabs of `rows`
 * actions each. `E` gives the engine's modules: installWorkbook,
 * MemoryWorkbook, SERVICE_COLUMNS, TAB (bundled by the bench, imported from
 * src/ by the tests).
 */
const PLANS = [
  ['Type', 'Intitulé'],
  ['PLPDMA', 'Programme local de prévention 2022-2027'],
  ['CODEC', 'Contrat d’objectifs déchets et économie circulaire'],
  ['PCAET', 'Plan climat-air-énergie territorial'],
];

/** An installed workbook with `tabs` service tabs of `rows` actions (Réf.s assigned but for the last 5 % rows, about 5 % of rows with an anomaly). */
export function benchWorkbook(E, tabs, rows) {
  const wb = new E.MemoryWorkbook();
  E.installWorkbook({ workbook: wb, formatter: wb });
  wb.setGrid(E.TAB.plans, PLANS);
  const headers = E.SERVICE_COLUMNS.map((c) => c.header);
  const fresh = Math.ceil(rows * 0.05);
  for (let s = 0; s < tabs; s++) {
    const code = `S${String.fromCharCode(65 + (s % 26))}${String.fromCharCode(65 + Math.floor(s / 26))}`;
    const grid = [headers.slice()];
    for (let i = 0; i < rows; i++) {
      const v = {
        'Réf.': i < rows - fresh ? `${code}-${String(i + 1).padStart(3, '0')}` : null,
        "Intitulé de l'action": `Action ${i + 1} du service ${s + 1}`,
        Description: `Description de l’action ${i + 1} : réemploi, réparation et sensibilisation des habitants.`,
        'Pilier EC': ['Recyclage', 'Écoconception', 'Consommation responsable'][i % 3],
        'Mesure du référentiel': ['eci_2.1.1', 'eci_3.2.1', '1.1.1'][i % 3],
        'Plans de rattachement': ['PLPDMA', 'PLPDMA, CODEC', 'pcaet'][i % 3],
        Filière: i % 40 === 0 ? 'Textille' : ['Textile', 'BTP', 'Déchets verts'][i % 3],
        Temporalité: ['Réalisée', 'En cours', 'Programmée'][i % 3],
        'Date de début': `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2025`,
        'Date de fin': i % 50 === 0 ? '31/02/2026' : new Date(Date.UTC(2026, i % 12, 1)),
        Pilote: `Agent ${i % 17}`,
        'Budget (€ HT)': i % 60 === 0 ? '12,500.50' : i % 2 ? 1000 + i : `${1 + (i % 9)} 500 €`,
        'Source du budget': 'Budget principal',
        'Indicateur de suivi': 'Tonnes évitées',
        Commentaire: i % 7 === 0 ? '=À revoir en COPIL' : null,
      };
      grid.push(headers.map((h) => v[h] ?? null));
    }
    wb.setGrid(`Service – ${code}`, grid);
    // Registry row.
    const params = wb.grid(E.TAB.parametres);
    while (params.length <= s + 1) params.push([]);
    params[s + 1][0] = `Service ${code}`;
    params[s + 1][1] = `Service – ${code}`;
    params[s + 1][2] = code;
  }
  return wb;
}

