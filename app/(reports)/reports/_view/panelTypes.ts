import type { ReportFiltersInput, ReportQuery } from '../_model/reportQuery';
import type { ReportOptions } from './ReportFilters';

/** What every panel is given: the server's input, the view it came from, and names for ids. */
export interface PanelProps {
  filters: ReportFiltersInput;
  query: ReportQuery;
  options: ReportOptions;
  /** Ends each CSV file's name: the days it covers. */
  fileSuffix: string;
}
