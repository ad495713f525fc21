// Line icons for the module tiles (decorative: each tile's title names it).

const svg = { width: 40, height: 40, viewBox: '0 0 40 40', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round' as const };

export function RollerIcon() {
  return (
    <svg {...svg}>
      <rect x="8" y="6" width="24" height="10" rx="4" />
      <path d="M12 19v2M16 19v2M20 19v2M24 19v2M28 19v2M20 16v6M20 22v12" />
    </svg>
  );
}
export function RfIcon() {
  return (
    <svg {...svg}>
      <rect x="13" y="4" width="14" height="20" rx="4" />
      <path d="M16 24v4M20 24v4M24 24v4M10 33c3-3 6 3 10 0s7 3 10 0" />
    </svg>
  );
}
export function NanoIcon() {
  return (
    <svg {...svg}>
      <path d="M20 4v18M14 22h12l-2 6h-8z" />
      <path d="M8 34h24" />
    </svg>
  );
}
export function ExamIcon() {
  return (
    <svg {...svg}>
      <rect x="9" y="5" width="22" height="30" rx="3" />
      <path d="M14 13h12M14 19h12M14 25l3 3 6-6" />
    </svg>
  );
}
export function RecordsIcon() {
  return (
    <svg {...svg}>
      <path d="M6 10h10l3 3h15v19H6z" />
      <path d="M12 22h16M12 27h10" />
    </svg>
  );
}
export function AuthoringIcon() {
  return (
    <svg {...svg}>
      <path d="M8 32l3-9L27 7l6 6-16 16z" />
      <path d="M23 11l6 6" />
    </svg>
  );
}
export function PeopleIcon() {
  return (
    <svg {...svg}>
      <circle cx="15" cy="14" r="5" />
      <path d="M5 33c0-6 4-10 10-10s10 4 10 10" />
      <circle cx="28" cy="12" r="4" />
      <path d="M27 21c5 0 8 4 8 10" />
    </svg>
  );
}
export function AuditIcon() {
  return (
    <svg {...svg}>
      <path d="M20 4l13 5v9c0 8-6 14-13 18C13 32 7 26 7 18V9z" />
      <path d="M14 19l4 4 8-8" />
    </svg>
  );
}
export function InstitutionIcon() {
  return (
    <svg {...svg}>
      <path d="M5 15L20 6l15 9M8 15v15M16 15v15M24 15v15M32 15v15M5 33h30" />
    </svg>
  );
}
