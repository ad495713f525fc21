// Small schemas every part of the contract shares.

import { z } from 'zod';

/** Ids main mints: prefix, time and randomness; the pattern also keeps them safe in file names. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'expected an id of letters, digits, - and _ (at most 80)');
export const isoTimeSchema = z.iso.datetime();
export const localizedTextSchema = z.strictObject({ zh: z.string(), en: z.string() });
export const noArgs = z.strictObject({});

/** Paging for list calls: at most 200 rows a page, so no call returns an unbounded list. */
export const pageSchema = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
};
