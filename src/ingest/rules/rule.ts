// The contract of an extraction rule: a named module that states which fact types it drafts and adds them to
// the draft through the builder (which enforces the grounding rule). A model-backed extractor can implement
// the same interface.
import type { KnowledgeBase } from '../../model/types.js';
import type { DraftBuilder } from '../draft-builder.js';
import type { Gazetteer, Mention } from '../entities/gazetteer.js';
import type { FoldedText } from '../text/fold.js';
import type { Sentence } from '../text/sentences.js';
import type { Section } from '../types.js';

export interface ReportMeeting {
  id: string;
  forum: string;
  ordinal?: number;
  scopes: { start: number; end: number }[];
}

export interface RuleContext {
  text: string;
  lang: 'zh' | 'en';
  slug: string;
  kb: KnowledgeBase;
  gaz: Gazetteer;
  ft: FoldedText;
  sections: Section[];
  sentences: Sentence[];
  mentions: Mention[];
  draft: DraftBuilder;
  /** The year the report speaks for, to complete dates written without one (2月27日). */
  year?: number;
  /** Meetings the report is about (filled by the meetings rule, which runs first). */
  meetings: ReportMeeting[];
  /** Projects drafted so far, where the text mentions them (filled by the projects rule). */
  projectMentions: { id: string; start: number; section: string }[];
}

export interface Rule {
  name: string;
  /** Node labels and relationship types (and `Project.status`) the rule drafts. */
  drafts: string[];
  run(ctx: RuleContext): void;
}
