export { GITLAB_REPORT_FILES, GITLAB_NOTE_MAX_LENGTH, type GitLabReportType } from './report-files.js';
export { renderCodeQualityReport, findingFingerprint, type CodeQualityIssue, type CodeQualitySeverity } from './code-quality.js';
export {
  renderDependencyScanningReport,
  DEPENDENCY_SCANNING_SCHEMA_VERSION,
  DEPENDENCY_SCANNING_SCHEMA_URL,
  type DependencyScanningOptions,
} from './dependency-scanning.js';
export { renderJunitReport } from './junit.js';
export { renderGitLabSbom, GITLAB_SBOM_PROPERTIES, GITLAB_SBOM_SPEC_VERSION, type GitLabSbomOptions } from './gitlab-sbom.js';
export {
  MergeRequestNotesClient,
  upsertStickyNote,
  stickyNoteBody,
  STICKY_NOTE_MARKER,
  type GitLabNote,
  type GitLabUser,
  type MergeRequestRef,
  type NotesClientOptions,
  type NoteOutcome,
} from './merge-request-notes.js';
