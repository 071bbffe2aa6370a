/**
 * Writes a file so that it is either the old file or the new one, never half of each: the new bytes go to
 * a temporary file in the same folder (same file system, so the rename is atomic), are flushed to disk,
 * and the temporary file is then renamed over the old one. On any failure the temporary file is removed
 * and the old file is left as it was.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';

/** The file operations used: Node's, or a test's stand-in that fails on purpose. */
export type WriteFs = Pick<typeof nodeFs, 'statSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync'>;

export function writeFileAtomically(target: string, data: Uint8Array, fs: WriteFs = nodeFs): void {
  // The old file's permissions carry over (a new file gets the usual ones); the temporary file is hidden,
  // and named so that two runs never share one.
  const mode = existingMode(target, fs) ?? 0o666;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.csp-partners-fix`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'wx', mode);
    for (let written = 0; written < data.length;) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) ignoreErrors(() => fs.closeSync(fd!));
    ignoreErrors(() => fs.unlinkSync(temporary));
    throw error;
  }
}

function existingMode(target: string, fs: WriteFs): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function ignoreErrors(work: () => void): void {
  try {
    work();
  } catch {
    // Cleaning up after a failure: the failure itself is what gets reported.
  }
}
