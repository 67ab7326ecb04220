/**
 * Where a command writes what it reports, a line at a time: the process's
 * standard output and error in the command, a list a test reads.
 */
export interface Console {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}
