/**
 * What a user's Excel puts in a workbook that exceljs cannot write: a chart
 * and an image (drawing), a pivot table with its cache, macros
 * (`vbaProject.bin`, `.xlsm` content type), a filter with a criterion and
 * the rows it hides. Added part by part to a package, as Excel stores them.
 */
import { closeWith, type OoxmlPackage } from '../../src/files/xlsx/package';
import { attr, prefixedAttr, tagsOf } from '../../src/files/xlsx/xml';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const T = (t: string) => `${R}/${t}`;
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
/** Bytes standing for a VBA project (an OLE file header, then filler). */
export const VBA = Uint8Array.from({ length: 1536 }, (_, i) => (i < 8 ? [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1][i] : (i * 31) % 251));

/** The worksheet part of a tab. */
export function sheetPart(pkg: OoxmlPackage, tab: string): string {
  const wb = pkg.text('xl/workbook.xml')!;
  const tag = tagsOf(wb, 'sheet').find((t) => attr(t, 'name') === tab)!;
  const id = prefixedAttr(tag, 'id');
  return pkg.rels('xl/workbook.xml').find((r) => r.id === id)!.part!;
}

/** Inserts a worksheet child before the first of `before` present (CT_Worksheet order), else at the end. */
function insertInSheet(xml: string, element: string, before: readonly string[]): string {
  let at = -1;
  for (const b of before) {
    const i = xml.search(new RegExp(`<${b}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + element + xml.slice(at);
}

const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function addOverride(pkg: OoxmlPackage, part: string, type: string): void {
  pkg.setContentTypeOverride(part, type);
}

function addDefault(pkg: OoxmlPackage, ext: string, type: string): void {
  const ct = pkg.text('[Content_Types].xml')!;
  if (!ct.includes(`Extension="${ext}"`)) pkg.setText('[Content_Types].xml', closeWith(ct, 'Types', `<Default Extension="${ext}" ContentType="${type}"/>`));
}

function chartXml(tab: string, n: number): string {
  const ref = `'${tab.replace(/'/g, "''")}'`;
  return `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Graphique ${n}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${ref}!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${ref}!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="20"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx><c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
}

const anchor = (col: number, row: number, inner: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 6}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 14}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

/** A drawing on `tab` holding a bar chart of the tab's A2:B3, and (if `image`) a picture. */
export function addChart(pkg: OoxmlPackage, tab: string, n: number, image: boolean): { drawing: string; chart: string; image?: string } {
  const sheet = sheetPart(pkg, tab);
  const drawing = `xl/drawings/drawing${n}.xml`;
  const chart = `xl/charts/chart${n}.xml`;
  pkg.setText(chart, chartXml(tab, n));
  addOverride(pkg, chart, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  const chartRel = pkg.addRel(drawing, T('chart'), `../charts/chart${n}.xml`);
  let inner = anchor(
    6,
    2,
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique ${n}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="${chartRel}"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
  );
  let media: string | undefined;
  if (image) {
    media = `xl/media/image${n}.png`;
    pkg.setBytes(media, PNG);
    addDefault(pkg, 'png', 'image/png');
    const imgRel = pkg.addRel(drawing, T('image'), `../media/image${n}.png`);
    inner += anchor(6, 18, `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Image ${n}"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="${imgRel}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`);
  }
  pkg.setText(drawing, `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">${inner}</xdr:wsDr>`);
  addOverride(pkg, drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
  const drawingRel = pkg.addRel(sheet, T('drawing'), `../drawings/drawing${n}.xml`);
  pkg.setText(sheet, insertInSheet(pkg.text(sheet)!, `<drawing r:id="${drawingRel}"/>`, AFTER_DRAWING));
  return { drawing, chart, image: media };
}

/** A pivot table on `tab` (at E1) summing B by A over the tab's A1:B3. */
export function addPivot(pkg: OoxmlPackage, tab: string): { table: string; cache: string; records: string } {
  const sheet = sheetPart(pkg, tab);
  const cache = 'xl/pivotCache/pivotCacheDefinition1.xml';
  const records = 'xl/pivotCache/pivotCacheRecords1.xml';
  const table = 'xl/pivotTables/pivotTable1.xml';
  pkg.setText(records, `${XML}<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2"><r><x v="0"/><n v="12"/></r><r><x v="1"/><n v="3"/></r></pivotCacheRecords>`);
  const recRel = pkg.addRel(cache, T('pivotCacheRecords'), 'pivotCacheRecords1.xml');
  pkg.setText(
    cache,
    `${XML}<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}" r:id="${recRel}" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="${tab}"/></cacheSource><cacheFields count="2"><cacheField name="Filière" numFmtId="0"><sharedItems count="2"><s v="Textile"/><s v="BTP"/></sharedItems></cacheField><cacheField name="Tonnes" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="3" maxValue="12"/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  pkg.setText(
    table,
    `${XML}<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="TCD1" cacheId="7" dataCaption="Valeurs" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="E1:F4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="1"/><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Somme de Tonnes" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
  );
  pkg.addRel(table, T('pivotCacheDefinition'), '../pivotCache/pivotCacheDefinition1.xml');
  addOverride(pkg, cache, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml');
  addOverride(pkg, records, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml');
  addOverride(pkg, table, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
  pkg.addRel(sheet, T('pivotTable'), '../pivotTables/pivotTable1.xml');
  const cacheRel = pkg.addRel('xl/workbook.xml', T('pivotCacheDefinition'), 'pivotCache/pivotCacheDefinition1.xml');
  const wb = pkg.text('xl/workbook.xml')!;
  const caches = `<pivotCaches><pivotCache cacheId="7" r:id="${cacheRel}"/></pivotCaches>`;
  const later = wb.search(/<(smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)[\s/>]/);
  pkg.setText('xl/workbook.xml', later >= 0 ? wb.slice(0, later) + caches + wb.slice(later) : closeWith(wb, 'workbook', caches));
  return { table, cache, records };
}

/** Turns the package into an `.xlsm` with a VBA project. */
export function addMacros(pkg: OoxmlPackage): string {
  pkg.setBytes('xl/vbaProject.bin', VBA);
  addDefault(pkg, 'bin', 'application/vnd.ms-office.vbaProject');
  pkg.setContentTypeOverride('xl/workbook.xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  pkg.addRel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
  return 'xl/vbaProject.bin';
}

/** A filter on `ref` of `tab` keeping the values `keep` of its first column; `hidden` rows (1-based) hidden. */
export function addFilter(pkg: OoxmlPackage, tab: string, ref: string, colId: number, keep: readonly string[], hidden: readonly number[]): void {
  const sheet = sheetPart(pkg, tab);
  let xml = pkg.text(sheet)!;
  const filter = `<autoFilter ref="${ref}"><filterColumn colId="${colId}"><filters>${keep.map((k) => `<filter val="${k}"/>`).join('')}</filters></filterColumn></autoFilter>`;
  xml = insertInSheet(xml, filter, ['sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'drawing', 'legacyDrawing', 'tableParts', 'extLst']);
  for (const r of hidden) xml = xml.replace(new RegExp(`<row r="${r}"`), `<row r="${r}" hidden="1"`);
  pkg.setText(sheet, xml);
}
