/** Test helper: the content of a workbook that matters (cells, validations, names, sheet states), without zip bytes. */
import ExcelJS from "exceljs";

export async function workbookSnapshot(bytes: Uint8Array): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return {
    created: wb.created?.toISOString(),
    modified: wb.modified?.toISOString(),
    names: wb.definedNames.model,
    sheets: wb.worksheets.map((ws) => {
      const cells: Array<[string, unknown, boolean | undefined]> = [];
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => cells.push([cell.address, cell.value, cell.protection?.locked])));
      return {
        name: ws.name,
        state: ws.state,
        views: ws.views,
        protection: (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null,
        validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
        cells,
      };
    }),
  };
}
