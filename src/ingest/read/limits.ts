// The size limit of a report file, apart from the readers so that a server can state it without loading
// pdfjs and mammoth.

/** Files larger than this are refused before they are read (50 MB). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
