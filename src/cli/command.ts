/**
 * The shape every command module has: a typed command function that returns an outcome, and a
 * `register` that adds the commander command(s) and hands each outcome to main.ts, which alone
 * turns it into the exit code.
 */
import type { Command } from 'commander';

/** 0: done; 1: done, but some input failed (each failure was reported on its own line). */
export type ExitStatus = 0 | 1;

/** What every command returns; commands add what they produced. */
export interface CommandOutcome {
  exitStatus: ExitStatus;
}

/** Receives the outcome of the command that ran. */
export type OutcomeSink = (outcome: CommandOutcome) => void;

/** A module of src/cli/commands/. */
export interface CommandModule {
  register(program: Command, done: OutcomeSink): void;
}

/** The outcome of a command that has nothing to add. */
export const DONE: CommandOutcome = { exitStatus: 0 };
