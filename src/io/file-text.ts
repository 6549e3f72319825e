/**
 * Reading one input file as text, with limits, so hostile input cannot exhaust memory or hide
 * behind a lossy decode:
 * - at most MAX_FILE_BYTES are read (the YAML parser needs about 50 times a file's size in memory
 *   and about 1.5 s per MiB; Kubernetes itself caps one object near 1.5 MiB), and a file over it
 *   is refused with the limit and how to split the input; a device such as /dev/zero stops there too;
 * - bytes that are not UTF-8 (Latin-1, UTF-16) are refused at the line and column of the first
 *   bad byte, rather than silently turned into U+FFFD and compared as labels.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { InputError } from './input-error';

const MIB = 1024 * 1024;
export const MAX_FILE_BYTES = 8 * MIB;
const CHUNK_BYTES = MIB;

/** The file's text; throws InputError over the size limit or on bytes that are not UTF-8. */
export function readUtf8File(file: string): string {
  const bytes = readAtMost(file, MAX_FILE_BYTES + 1);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError(`is larger than ${MAX_FILE_BYTES / MIB} MiB, the limit for one input file; split it into several files (for example one per namespace) and pass them, or their folder`, file);
  }
  const text = bytes.toString('utf8');
  if (!isUtf8(bytes)) throw notUtf8(bytes, text, file);
  return text;
}

function readAtMost(file: string, limit: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    // A regular file is read in one buffer of its size (plus one byte, to see it end); only
    // devices, pipes and files that grow while read take more rounds. A MiB buffer per file
    // cost more than the parse for thousands of small files.
    const stat = fs.fstatSync(fd);
    const regular = stat.isFile();
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const size = regular && total === 0 ? stat.size + 1 : CHUNK_BYTES;
      const chunk = Buffer.allocUnsafe(Math.min(size, limit - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (regular && read < chunk.length) break; // a short read of a regular file is its end
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where the first bad byte is: the lossy decode is exact up to it, so it is the first U+FFFD
 * that the file did not spell out itself (EF BF BD).
 */
function notUtf8(bytes: Buffer, text: string, file: string): InputError {
  let offset = 0;
  let scanned = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(text.slice(scanned, i));
    scanned = i;
    const spelledOut = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!spelledOut) {
      const before = text.slice(0, i);
      const line = before.split('\n').length;
      const column = i - before.lastIndexOf('\n');
      return new InputError(`is not UTF-8 text (byte 0x${bytes[offset].toString(16)} at this position); save it as UTF-8`, file, line, column);
    }
  }
  return new InputError('is not UTF-8 text; save it as UTF-8', file);
}
