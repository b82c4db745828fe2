/** A warning line on stderr: the run goes on. */
export const warnOnStderr = (message: string): void => void process.stderr.write(`bindtrail: warning: ${message}\n`);
