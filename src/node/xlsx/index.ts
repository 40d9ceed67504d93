/** The offline adapters of WorkbookPort / FormatterPort: `.xlsx` in, `.xlsx` out. */
export { readXlsxFile, readXlsxBuffer, fromExcel, gridOf, cellValue, type XlsxSource, type LoadedWorkbook } from './read';
export { writeXlsxFile, writeXlsxBuffer, toExcel } from './write';
export { applySheetFormat, dataValidation, pixelsToExcelWidth, ListsSheetBuilder } from './format';
export { validationAt, compactValidations, setValidation, cellsOf, type DataValidation } from './validations';
export { LISTS_SHEET, LISTS_SHEET_FALLBACK, INLINE_LIST_MAX } from './constants';
