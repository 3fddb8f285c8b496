import { addMonths, balanceReportProblem, isMonth, startOfYearMonth } from './loan-balance';

describe('loan balance months and figures', () => {
  it('counts months across years', () => {
    expect(addMonths('2025-06', -12)).toBe('2024-06');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2026-06', -35)).toBe('2023-07');
    expect(startOfYearMonth('2025-06')).toBe('2024-12');
    expect(startOfYearMonth('2025-01')).toBe('2024-12');
  });

  it('takes a month written YYYY-MM only', () => {
    expect(['2025-06', '1999-12'].every(isMonth)).toBe(true);
    expect(['2025-6', '2025-13', '2025-00', '2025-06-01', ''].some(isMonth)).toBe(false);
  });

  it('names the field at fault: a month to come, a medium/long-term part over the balance', () => {
    expect(balanceReportProblem('2025-06', '100.00', '100.00', '2025-06-01')).toBeNull();
    expect(balanceReportProblem('2025-07', '100.00', '0.00', '2025-06-30')?.field).toBe('month');
    expect(balanceReportProblem('2025-6', '100.00', '0.00', '2025-06-30')?.field).toBe('month');
    expect(balanceReportProblem('2025-05', '100.00', '100.01', '2025-06-30')?.field).toBe('mediumLongBalance');
  });
});
