import { isNodeInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { MAX_IMPORT_ROWS, OPENING_SHEET } from './read-opening-stock.ts';
import { addTableSheet, newWorkbook, setText, workbookBuffer, writeHeader, type Workbook } from './sheet-writer.ts';

const TEMPLATE_COLUMNS = [
  { key: 'nodeCode', zh: '库存点编码', width: 18, format: '@' },
  { key: 'itemCode', zh: '物资编码', width: 18, format: '@' },
  { key: 'qty', zh: '数量', width: 10, format: '0' },
  { key: 'lotNo', zh: '批号', width: 16, format: '@' },
  { key: 'producedOn', zh: '生产日期', width: 14, format: 'yyyy-mm-dd' },
  { key: 'expiresOn', zh: '有效期至', width: 14, format: 'yyyy-mm-dd' },
  { key: 'serials', zh: '序列号（逗号分隔）', width: 40, format: '@' },
] as const;

const INSTRUCTIONS: [string, string][] = [
  ['用途 Purpose', '期初库存导入：每个库存点生成一张期初入库单。Opening stock: one opening receipt per node.'],
  [
    '工作表 Sheet',
    `只读取工作表「${OPENING_SHEET}」；请勿改名或删除列。Only the sheet "${OPENING_SHEET}" is read; keep its name and columns.`,
  ],
  ['nodeCode', '库存点编码，见「代码 Codes」表；必须在您的管辖范围内。Node code from the Codes sheet, in your scope.'],
  ['itemCode', '物资编码，见「代码 Codes」表。Item code from the Codes sheet.'],
  ['qty', '正整数；散装物资按基本单位计。A whole number ≥ 1; bulk items in their base unit.'],
  ['lotNo', '批次管理的物资必填；序列号管理的物资不填。Required for lot-tracked items; empty for serialised items.'],
  ['producedOn / expiresOn', '日期 YYYY-MM-DD（或 Excel 日期），属于批次。Dates (YYYY-MM-DD or Excel dates) of the lot.'],
  [
    'serials',
    '序列号管理的物资：每件一个序列号，逗号分隔，个数等于数量。Serialised items: one serial per unit, comma-separated, as many as qty.',
  ],
  ['公式 Formulas', '不接受公式，请填写数值。Formulas are refused: type values.'],
  ['限制 Limits', `每个文件最多 ${MAX_IMPORT_ROWS} 行、10 MB。At most ${MAX_IMPORT_ROWS} rows and 10 MB per file.`],
  [
    '流程 Steps',
    '先试导入（dryRun=true）查看错误，无误后正式导入；有任何错误则全部不入账。Dry-run first; any error posts nothing.',
  ],
];

/** Keeps the reference sheets from being edited by accident; there is no password to remember. */
async function lock(sheet: ReturnType<Workbook['addWorksheet']>): Promise<void> {
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    autoFilter: true,
    sort: true,
  });
}

/** The opening-stock template: the sheet to fill, read-only instructions, and the node and item codes the actor may use. */
export async function openingStockTemplate(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Buffer> {
  requireAction(actor, 'stock.write');
  const workbook = newWorkbook();

  const sheet = workbook.addWorksheet(OPENING_SHEET);
  // Headers read "nodeCode / 库存点编码": the importer matches the English key at the start.
  writeHeader(
    sheet,
    TEMPLATE_COLUMNS.map((c) => ({ zh: c.key, en: c.zh, width: c.width })),
  );
  // Text format keeps serials like 0012 and codes like 1E5 as typed; date columns show dates.
  TEMPLATE_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).numFmt = c.format;
  });

  const instructions = workbook.addWorksheet('说明 Instructions');
  writeHeader(instructions, [
    { zh: '项目', en: 'Topic', width: 24 },
    { zh: '说明', en: 'Instructions', width: 110 },
  ]);
  INSTRUCTIONS.forEach(([topic, text], i) => {
    const row = instructions.getRow(i + 2);
    row.getCell(1).value = topic;
    row.getCell(2).value = text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  await lock(instructions);

  const nodes = (
    await deps.db.query<{ id: string; code: string; name_zh: string; name_en: string; type: string; organisation_path: string }>(
      "SELECT n.id, n.code, n.name_zh, n.name_en, n.type, o.path AS organisation_path FROM node n JOIN organisation o ON o.id = n.organisation_id WHERE n.status = 'open' ORDER BY n.code",
    )
  ).filter((n) => isNodeInScope(actor, { id: n.id, organisationPath: n.organisation_path }));
  const items = await deps.db.query<{ code: string; name_zh: string; name_en: string; unit_zh: string; tracking: string }>(
    'SELECT code, name_zh, name_en, unit_zh, tracking FROM item ORDER BY code',
  );
  const codes = addTableSheet(
    workbook,
    '代码 Codes',
    [
      {
        zh: '库存点编码',
        en: 'Node code',
        width: 18,
        kind: 'text',
        value: (r: { node?: (typeof nodes)[number] }) => r.node?.code ?? null,
      },
      { zh: '库存点', en: 'Node', width: 24, kind: 'text', value: (r) => r.node?.name_zh ?? null },
      { zh: '类型', en: 'Type', width: 14, kind: 'text', value: (r) => r.node?.type ?? null },
    ],
    nodes.map((node) => ({ node })),
  );
  const itemHeader = [
    { zh: '物资编码', en: 'Item code', width: 20 },
    { zh: '物资名称', en: 'Item', width: 26 },
    { zh: '英文名称', en: 'English', width: 30 },
    { zh: '单位', en: 'Unit', width: 8 },
    { zh: '管理方式', en: 'Tracking', width: 12 },
  ];
  // Items sit to the right of the nodes, after a spacer column.
  itemHeader.forEach((h, i) => {
    const cell = codes.getRow(1).getCell(5 + i);
    cell.value = `${h.zh} / ${h.en}`;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    codes.getColumn(5 + i).width = h.width;
  });
  items.forEach((item, i) => {
    const row = codes.getRow(i + 2);
    [item.code, item.name_zh, item.name_en, item.unit_zh, item.tracking].forEach((v, j) => {
      setText(row.getCell(5 + j), v);
    });
  });
  await lock(codes);

  return workbookBuffer(workbook);
}
