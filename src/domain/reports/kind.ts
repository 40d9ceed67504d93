/** The generated documents (apart from input.ts, which the message catalogue must not import: it imports the catalogue). */
export type ReportKind = 'copil' | 'afom' | 'audit' | 'bilan';
