/** True when the path names a WARC archive (`.warc`, `.warc.gz`). No warcio: cheap to import. */
export function isWarcPath(file: string): boolean {
  return /\.warc(\.gz)?$/i.test(file);
}
