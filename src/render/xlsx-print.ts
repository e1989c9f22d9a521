// Print setup for the workbook, as a write-excel-file "feature" (its documented hook for the parts of
// the file format it does not cover). write-excel-file 4.1 writes the landscape orientation, frozen
// panes and fonts itself, but not fit-to-page, print titles, margins or a page header and footer.
//
// Why a feature, rather than unzipping and rezipping its output with fflate, or writing the sheet XML
// ourselves: the feature edits each part while the library builds it (one pass, no second zip), the
// library keeps doing shared strings, styles and escaping, and the XML helpers it exports insert each
// element in the order the schema demands (a misplaced element makes Excel call the file corrupt).
// The tests read the result back with exceljs and print it with LibreOffice, so a change of markup in a
// future version of the library shows up there.
//
// What it adds (ECMA-376 part 1, §18.3.1 worksheet and §18.2 workbook):
//   <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>            scale to fit …
//   <pageSetup … fitToWidth="1" fitToHeight="0"/>               … one page wide, as many pages long as needed
//   <pageMargins …/>                                            narrower margins (inches)
//   <headerFooter>                                              the title on top, "page N of M" below
//   <definedName name="_xlnm.Print_Titles" localSheetId="i">    header rows repeated on every page

import type writeXlsxFile from 'write-excel-file/node';
import {
  findElement,
  getSelfClosingTagMarkup,
  insertElementMarkupAccordingToOrderOfSiblings,
  replaceElement,
  sanitizeTextContent,
} from 'write-excel-file/utility';

export interface SheetPrint {
  readonly name: string;
  /** How many top rows repeat on every printed page (the header). */
  readonly titleRows: number;
  /** Left of the page header (the report title). */
  readonly header: string;
  /** Centre of the page footer, with &P (page) and &N (pages), e.g. "page &P of &N". */
  readonly footer: string;
  /** Pages tall at most (fit to one page when a sheet only just spills over); 0: as many as needed. */
  readonly pagesTall: number;
}

// The library's types are generic in its file content type (stream, Buffer or Blob), which it does not
// export: take them from the multi-sheet signature (the last overload).
type MultiSheet = Parameters<typeof writeXlsxFile>;
export type XlsxSheet = MultiSheet[0][number];
export type XlsxFeature = NonNullable<NonNullable<MultiSheet[1]>['features']>[number];

const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate',
  'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
const WORKBOOK_ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** Header and footer text: '&' starts a code there, so a literal one is doubled. */
const headerText = (text: string): string => text.replace(/&/g, '&&');

/** A sheet name in a formula: always quoted, a quote inside doubled. */
const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Replace an element, or insert it in schema order when the library did not write one. */
function putElement(xml: string, tag: string, markup: string): string {
  const found = findElement(xml, tag);
  return found ? replaceElement(xml, found, markup) : insertElementMarkupAccordingToOrderOfSiblings(xml, markup, WORKSHEET_ORDER, 'worksheet');
}

export function printSetup(sheets: readonly SheetPrint[]): XlsxFeature {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(xml, _options, { sheetIndex }) {
            const sheet = sheets[sheetIndex];
            if (!sheet) return xml;
            let out = putElement(xml, 'sheetPr', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
            out = putElement(out, 'pageMargins', getSelfClosingTagMarkup('pageMargins', { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }));
            // paperSize 9 is A4, the paper of Indonesian offices.
            out = putElement(out, 'pageSetup', getSelfClosingTagMarkup('pageSetup', { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: sheet.pagesTall }));
            const hf = `<headerFooter><oddHeader>${sanitizeTextContent(`&L${headerText(sheet.header)}`)}</oddHeader><oddFooter>${sanitizeTextContent(`&C${sheet.footer}`)}</oddFooter></headerFooter>`;
            return putElement(out, 'headerFooter', hf);
          },
        },
        'xl/workbook.xml': {
          transform(xml) {
            const names = sheets
              .map((s, i) => (s.titleRows > 0 ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${sanitizeTextContent(`${sheetRef(s.name)}!$1:$${s.titleRows}`)}</definedName>` : ''))
              .join('');
            if (!names) return xml;
            const existing = findElement(xml, 'definedNames');
            const markup = `<definedNames>${names}</definedNames>`;
            // The library writes an empty <definedNames/>; anything else in it would be kept.
            if (existing && !existing.selfClosingTag && existing.closingTagStartIndex !== undefined) {
              const inner = xml.slice(existing.openingTagEndIndex + 1, existing.closingTagStartIndex);
              return replaceElement(xml, existing, `<definedNames>${inner}${names}</definedNames>`);
            }
            return existing ? replaceElement(xml, existing, markup) : insertElementMarkupAccordingToOrderOfSiblings(xml, markup, WORKBOOK_ORDER, 'workbook');
          },
        },
      },
    },
  };
}

/**
 * Data validation on cell ranges (ECMA-376 §18.3.1.32): whole numbers ≥ 0, so that Excel refuses a
 * typed "12,5" or "-3" in a count column of a template before the file ever reaches the tool.
 */
export function wholeNumberValidation(ranges: readonly { readonly sheetIndex: number; readonly sqref: string }[]): XlsxFeature {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(xml, _options, { sheetIndex }) {
            const mine = ranges.filter((r) => r.sheetIndex === sheetIndex);
            if (!mine.length) return xml;
            const items = mine
              .map((r) => `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="${sanitizeTextContent('Count')}" error="${sanitizeTextContent('A whole number of people, 0 or more / Bilangan bulat, 0 atau lebih')}" sqref="${r.sqref}"><formula1>0</formula1></dataValidation>`)
              .join('');
            return putElement(xml, 'dataValidations', `<dataValidations count="${mine.length}">${items}</dataValidations>`);
          },
        },
      },
    },
  };
}
