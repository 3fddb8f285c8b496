/** One row of the file: its number as a spreadsheet counts rows (the header is row 1) and its cells as text. */
export interface FileRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The file is not readable as its format (an unclosed quote, a broken workbook): the import fails. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
