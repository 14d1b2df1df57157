/** What kind of word an entry explains; the Terms view groups a note's terms by it. */
export type GlossaryCategory = 'anatomy' | 'condition' | 'examination' | 'imaging' | 'procedure' | 'medicine' | 'exercise';

/** One glossary term as the matcher, hovers and views use it (after loading and merging). */
export interface GlossaryEntry {
  /** Preferred term, as it is shown: "spinal stenosis". Also matched, case-insensitively. */
  readonly term: string;
  /** Other written forms matched case-insensitively: plurals, disc/disk, hyphenation, synonyms. */
  readonly variants: readonly string[];
  /** Abbreviations, matched case-sensitively so ordinary words are never mistaken for them: "NSAID", "OA". */
  readonly abbreviations: readonly string[];
  /** Precise clinical definition, one or two sentences. */
  readonly definition: string;
  /** Plain-language explanation for patients, reading grade 6 or below. */
  readonly plain: string;
  readonly category?: GlossaryCategory;
  /** Phrases in which the term does not have this meaning and stays unexplained: "renal pelvis" for "pelvis". */
  readonly notIn?: readonly string[];
  /** Ids of the guide sections that discuss the term (see src/guide/outline.ts slugs). */
  readonly sections: readonly string[];
  /** The sources the entry relies on, as their file's top-level "references" describe them (Copy Definition quotes them). */
  readonly references?: readonly string[];
  /** Where the entry came from: "built-in", or the path of the team glossary file that defined it. */
  readonly origin: string;
}
