/**
 * The text layer shared by the deck and the documents: French typography,
 * number formats, measurement with real font metrics, pagination.
 */
export * from './numbers';
export * from './typography';
export * from './measure';
export * from './paginate';
