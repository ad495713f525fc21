// People on the training file: trainees (who practise and sit exams) and staff (instructors and
// administrators, who sign in with a password). Section 15.2 ties each profession to the certificate
// an operator must hold; CERTIFICATE_KINDS_BY_PROFESSION is that table, used by every side.

import { z } from 'zod';
import { isoTimeSchema, recordIdSchema } from './common';

export const ACCOUNT_ROLES = ['trainee', 'instructor', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const accountRoleSchema = z.enum(ACCOUNT_ROLES);
export const STAFF_ROLES = ['instructor', 'admin'] as const satisfies readonly AccountRole[];

/** Professions of operators (15.2.1 physician, 15.2.2 technician, 15.2.3 nurse). */
export const PROFESSIONS = ['technician', 'nurse', 'physician'] as const;
export type Profession = (typeof PROFESSIONS)[number];
export const professionSchema = z.enum(PROFESSIONS);
/** Kept for the recording's trainee block, which calls the profession its role. */
export const TRAINEE_ROLES = PROFESSIONS;
export const traineeRoleSchema = professionSchema;
export type TraineeRole = Profession;

export const CERTIFICATE_KINDS = [
  'physician-qualification', // 执业医师资格证书 (15.2.1, 15.1.1)
  'physician-practising', // 医师执业证书
  'technician-qualification', // 技师职业资格证书 (15.2.2)
  'nurse-qualification', // 护理资格证书 (15.2.3)
  'nurse-practising', // 护士执业证书
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const certificateKindSchema = z.enum(CERTIFICATE_KINDS);

/** Which certificates prove each profession (15.2); the first is the one the clause names. */
export const CERTIFICATE_KINDS_BY_PROFESSION: Readonly<Record<Profession, readonly CertificateKind[]>> = {
  physician: ['physician-qualification', 'physician-practising'],
  technician: ['technician-qualification'],
  nurse: ['nurse-qualification', 'nurse-practising'],
};

export const personNameSchema = z.string().trim().min(1, 'name is required').max(60, 'name is longer than 60 characters');
/** Professional certificate number (执业/资格证书编号): letters, digits and - only. */
export const certificateNumberSchema = z
  .string()
  .trim()
  .min(4, 'certificate number has fewer than 4 characters')
  .max(40, 'certificate number is longer than 40 characters')
  .regex(/^[A-Za-z0-9-]+$/, 'certificate number may contain only letters, digits and -');
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'user name: 3-32 letters, digits, dot, - or _, starting with a letter or digit');
/** OWASP: long passwords allowed, no composition rules; at least 10 characters here. */
export const passwordSchema = z.string().min(10, 'password has fewer than 10 characters').max(128, 'password is longer than 128 characters');
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'PIN: 4 to 8 digits');

export const personSchema = z.strictObject({
  id: recordIdSchema,
  accountRole: accountRoleSchema,
  name: personNameSchema,
  profession: professionSchema.nullable(),
  certificateNumber: z.string().nullable(),
  certificateKind: certificateKindSchema.nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  hasPin: z.boolean(),
  attemptCount: z.number().int().min(0),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
});
export type Person = z.infer<typeof personSchema>;

const credentialFields = {
  profession: professionSchema.nullable().optional(),
  certificateNumber: certificateNumberSchema.nullable().optional(),
  certificateKind: certificateKindSchema.nullable().optional(),
};

/** Trainees need a profession and its certificate (15.2); the kind must be one that proves that profession. */
function checkCredentials(
  value: { accountRole?: AccountRole; profession?: Profession | null; certificateNumber?: string | null; certificateKind?: CertificateKind | null },
  ctx: z.RefinementCtx,
  requireForTrainee: boolean,
): void {
  if (requireForTrainee && value.accountRole === 'trainee') {
    for (const field of ['profession', 'certificateNumber', 'certificateKind'] as const) {
      if (value[field] == null) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required for a trainee (15.2)` });
    }
  }
  if (value.profession && value.certificateKind && !CERTIFICATE_KINDS_BY_PROFESSION[value.profession].includes(value.certificateKind)) {
    ctx.addIssue({
      code: 'custom',
      path: ['certificateKind'],
      message: `a ${value.profession} proves the profession with ${CERTIFICATE_KINDS_BY_PROFESSION[value.profession].join(' or ')} (15.2)`,
    });
  }
}

export const newPersonSchema = z
  .strictObject({
    accountRole: accountRoleSchema,
    name: personNameSchema,
    ...credentialFields,
    /** Staff only. */
    username: usernameSchema.optional(),
    password: passwordSchema.optional(),
    /** Trainees only, where the institution asks for PINs. */
    pin: pinSchema.optional(),
  })
  .superRefine((value, ctx) => {
    checkCredentials(value, ctx, true);
    const staff = value.accountRole !== 'trainee';
    if (staff && value.username === undefined) ctx.addIssue({ code: 'custom', path: ['username'], message: 'a user name is required for staff' });
    if (staff && value.password === undefined) ctx.addIssue({ code: 'custom', path: ['password'], message: 'a password is required for staff' });
    if (!staff && value.username !== undefined) ctx.addIssue({ code: 'custom', path: ['username'], message: 'trainees sign in by choosing their profile, without a user name' });
    if (!staff && value.password !== undefined) ctx.addIssue({ code: 'custom', path: ['password'], message: 'trainees have no password (a PIN where the institution asks for one)' });
    if (staff && value.pin !== undefined) ctx.addIssue({ code: 'custom', path: ['pin'], message: 'staff sign in with a password, not a PIN' });
  });
export type NewPerson = z.input<typeof newPersonSchema>;

export const personChangesSchema = z
  .strictObject({ id: recordIdSchema, name: personNameSchema.optional(), ...credentialFields })
  .superRefine((value, ctx) => checkCredentials(value, ctx, false));

export const setRoleSchema = z
  .strictObject({ id: recordIdSchema, accountRole: accountRoleSchema, username: usernameSchema.optional(), password: passwordSchema.optional() })
  .superRefine((value, ctx) => {
    if (value.accountRole === 'trainee' && (value.username !== undefined || value.password !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'a trainee has no user name or password' });
    }
  });

export const signedInSchema = z.strictObject({
  personId: recordIdSchema,
  name: z.string(),
  accountRole: accountRoleSchema,
  profession: professionSchema.nullable(),
});
export type SignedIn = z.infer<typeof signedInSchema>;

export const chooserEntrySchema = z.strictObject({ id: recordIdSchema, name: z.string(), profession: professionSchema.nullable() });
export type ChooserEntry = z.infer<typeof chooserEntrySchema>;
