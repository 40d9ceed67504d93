/** The offline adapters of WorkbookPort / FormatterPort: `.xlsx` bytes in, `.xlsx` bytes out (shared by the CLI and the web page; no file system here). */
export { readXlsxBuffer, readXlsx, XlsxReadError, type XlsxSource, type LoadedWorkbook, type XlsxIssue, type SheetPart } from './read';
export { writeXlsxBuffer, toExcel } from './write';
export { XlsxWriteError } from './patch';
export { applySheetFormat, dataValidation, pixelsToExcelWidth, ListsSheetBuilder } from './format';
export { validationAt, compactValidations, setValidation, cellsOf, type DataValidation } from './validations';
export { LISTS_SHEET, LISTS_SHEET_FALLBACK, INLINE_LIST_MAX } from './constants';
