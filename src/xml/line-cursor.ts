/**
 * Line and column of absolute offsets in a sliding buffer (the tokenizer drops consumed input).
 * Requests in increasing order cost one pass over the text in all; an offset behind the cursor
 * is counted from the start of the buffer.
 */
export class LineCursor {
  private abs = 0;
  private line = 1;
  private lineStart = 0;
  /** Line state at the buffer's first character. */
  private baseLine = 1;
  private baseLineStart = 0;

  /** 1-based line and column of `offset`; `buf` starts at absolute offset `base`. */
  locate(buf: string, base: number, offset: number): { line: number; column: number } {
    if (offset >= this.abs) {
      this.advance(buf, base, offset);
      return { line: this.line, column: offset - this.lineStart + 1 };
    }
    const local = Math.max(0, offset - base);
    let line = this.baseLine;
    let lineStart = this.baseLineStart;
    for (let i = buf.indexOf('\n'); i >= 0 && i < local; i = buf.indexOf('\n', i + 1)) {
      line++;
      lineStart = base + i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  }

  /** Before the buffer's text up to absolute `newBase` is dropped. */
  rebase(buf: string, base: number, newBase: number): void {
    this.advance(buf, base, newBase);
    this.baseLine = this.line;
    this.baseLineStart = this.lineStart;
  }

  private advance(buf: string, base: number, offset: number): void {
    const end = Math.min(offset, base + buf.length) - base;
    let i = buf.indexOf('\n', Math.max(0, this.abs - base));
    while (i >= 0 && i < end) {
      this.line++;
      this.lineStart = base + i + 1;
      i = buf.indexOf('\n', i + 1);
    }
    this.abs = Math.max(this.abs, offset);
  }
}
