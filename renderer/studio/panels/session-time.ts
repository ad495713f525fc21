/** Session time as m:ss. */
export function formatSessionTime(tMs: number): string {
  const s = Math.floor(tMs / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
