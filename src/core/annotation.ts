/**
 * An annotation's level and where it points. Plain types, so that code below the platform (the
 * rotation report, say) can describe annotations without importing the Runner.
 */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProps {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}
