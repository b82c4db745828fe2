/**
 * The report's answer block (layout/answer.ts) built from a report model, and the model in report
 * order (findings by level, then time: layout/sort.ts). Every renderer starts from these.
 */
import type { ReportModel } from '../model/index.js';
import { buildAnswer } from './layout/answer.js';
import type { AnswerBlock } from './layout/answer-types.js';
import { sortFindingsForReport } from './layout/sort.js';

/** The model with its findings in report order (level, then time, then host). */
export function inReportOrder(model: ReportModel): ReportModel {
  return { ...model, findings: sortFindingsForReport(model.findings) };
}

/** The answer block of the model: incidents with their cause, outage windows and commands. */
export function reportAnswer(model: ReportModel): AnswerBlock {
  const facts = model.facts ?? { bindings: [], certificates: [], metadata: [] };
  return buildAnswer({
    findings: model.findings,
    bindings: facts.bindings,
    certificates: facts.certificates,
    metadata: facts.metadata,
    hosts: model.hosts,
    events: model.timeline,
    files: model.files,
  });
}
