import { AppError } from '../http/app-error.ts';

/** The most an uploaded workbook may expand to once unzipped: a defence against zip bombs. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/**
 * Checks that the bytes are a ZIP holding an Excel workbook before any XML parser sees them, and
 * that the declared unpacked size is bounded. Reads only the ZIP central directory (no inflation).
 */
export function checkXlsxContainer(bytes: Buffer): void {
  const notXlsx = (why: string) =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is not an Excel workbook (.xlsx): ${why}`, {
      expected: '.xlsx (Office Open XML)',
    });
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw notXlsx('it does not start like a ZIP archive');
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx('the ZIP directory is missing (truncated file?)');
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) throw notXlsx('ZIP64 archives are not accepted');
  let unzipped = 0;
  let hasWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw notXlsx('the ZIP directory is damaged');
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (size === 0xffffffff) throw notXlsx('ZIP64 entries are not accepted');
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    unzipped += size;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (!hasWorkbook) throw notXlsx('the archive has no xl/workbook.xml');
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The workbook unpacks to ${Math.round(unzipped / 1048576)} MB, more than ${MAX_UNZIPPED_BYTES / 1048576} MB`,
      { unzippedBytes: unzipped, max: MAX_UNZIPPED_BYTES },
    );
  }
}
