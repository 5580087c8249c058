/**
 * The parts of the Strategic Assessment document that take an analyst's written text, in
 * document order, with what each is for. One list for the store (which refuses any other part),
 * the report (which places each part's text), the CLI import (one Markdown file per part) and the
 * web editor (which lists them).
 */
export const TEXT_PARTS: Readonly<Record<string, string>> = {
  introduction: 'Section 1: purpose of the assessment, vision, national and local context',
  'assessment-summary': 'words above the assessment summary chart',
  recommendations: 'words above the progress table',
  demand: 'national and local context for recorded crime and demand',
  'cyber-crime': 'cyber crime: the national picture and what it means for the forces',
  'officer-numbers': 'police officer numbers, nationally and in the forces',
  'crime-data-integrity': 'crime data integrity: the recording of crime',
  'crime-harm': 'how harm is measured and used',
  'control-strategy': 'how the Control Strategy was set',
  'serious-organised-crime': 'serious and organised crime: local profiles and organised crime groups',
  'other-threats': 'other threats and trends outside the Control Strategy',
  performance: 'comment on performance by force and area',
  'environmental-scanning': 'how the drivers were found and are used',
  'public-service-transformation': 'the public service transformation landscape and its timeline',
  capacity: 'capacity and capability: organisational learning and risk',
  'change-programme': 'the change programme and its progress',
  people: 'the workforce: wellbeing, sickness, skills',
  'equality-diversity': 'equality and diversity: the equality duty, objectives and progress',
  'professional-standards': 'professional standards: complaints, misconduct and vetting',
  'other-considerations': 'emerging topics with too little information to assess',
};

export const isTextPart = (part: string): boolean => Object.prototype.hasOwnProperty.call(TEXT_PARTS, part);

/** "Crime harm" from "crime-harm": the part's name as a person reads it. */
export const partTitle = (part: string): string => {
  const words = part.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
