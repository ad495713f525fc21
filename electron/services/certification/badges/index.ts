// Open Badges 3.0 credentials of completion records (docs/certification.md, "Open Badges 3.0").
// badgesFor is the OB 3.0 export's source: one signed credential per record, as a JSON array or JSON lines.

export { badgesFor, issueBadge, type OpenBadgeCredential } from './issue';
export { verifyBadge, type BadgeProblem, type BadgeVerification } from './verify';
export { createBadgeFiles, BADGE_MEDIA_TYPE, type BadgeFile } from './badge-file';
export { didKeyOf, offlineDocumentLoader, RefusedDocumentError } from './document-loader';
