/** Progress of an ingest on a terminal (stderr): bytes, records/s and ETA for the file and overall. */

export interface IngestProgress {
  begin(totalBytes: number, files: number): void;
  file(index: number, path: string, bytes: number): void;
  update(fileBytes: number, records: number): void;
  fileDone(bytes: number): void;
  end(): void;
}

const MB = 1024 * 1024;
const REDRAW_MS = 200;

/** Redraws one status line on a TTY stream. */
export class TtyProgress implements IngestProgress {
  private total = 0;
  private files = 0;
  private done = 0;
  private index = 0;
  private name = '';
  private size = 0;
  private t0 = 0;
  private fileT0 = 0;
  private last = 0;
  private shown = false;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  begin(totalBytes: number, files: number): void {
    this.total = totalBytes;
    this.files = files;
    this.t0 = performance.now();
  }

  file(index: number, path: string, bytes: number): void {
    this.index = index;
    this.name = path.length > 40 ? '…' + path.slice(-39) : path;
    this.size = bytes;
    this.fileT0 = performance.now();
    this.update(0, 0);
  }

  update(fileBytes: number, records: number): void {
    const now = performance.now();
    if (now - this.last < REDRAW_MS && fileBytes < this.size) return;
    this.last = now;
    const fs = Math.max((now - this.fileT0) / 1000, 1e-3);
    const all = Math.max((now - this.t0) / 1000, 1e-3);
    const rate = fileBytes / fs;
    const overall = (this.done + fileBytes) / all;
    const line =
      `[${this.index + 1}/${this.files}] ${this.name}  ${(fileBytes / MB).toFixed(1)}/${(this.size / MB).toFixed(1)} MB ` +
      `${(rate / MB).toFixed(1)} MB/s ${Math.round(records / fs)} rec/s ETA ${eta(this.size - fileBytes, rate)}` +
      ` | all ${this.total > 0 ? Math.floor(((this.done + fileBytes) / this.total) * 100) : 100}% ETA ${eta(this.total - this.done - fileBytes, overall)}`;
    this.out.write(`\r\x1b[2K${line.slice(0, (this.out.columns ?? 160) - 1)}`);
    this.shown = true;
  }

  fileDone(bytes: number): void {
    this.done += bytes;
  }

  end(): void {
    if (this.shown) this.out.write('\r\x1b[2K');
  }
}

function eta(bytesLeft: number, rate: number): string {
  if (rate <= 0 || bytesLeft <= 0) return '0s';
  const s = Math.round(bytesLeft / rate);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
