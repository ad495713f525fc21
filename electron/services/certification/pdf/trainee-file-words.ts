// The words of the trainee's file PDF, in Chinese and in English (one language a file).

import type { CertificateStatus, ExamEntry, PracticeEntry } from '../trainee-file-data';

export interface FileWords {
  title: string;
  madeAt: (date: string) => string;
  pageOf: (page: number, pages: number) => string;
  name: string;
  profession: string;
  professionWithClause: (profession: string, clause: string) => string;
  withReason: (status: string, reason: string) => string;
  certificateNumber: string;
  certificateKind: string;
  certificatesTitle: string;
  number: string;
  issuedAt: string;
  validUntil: string;
  recertifyBy: string;
  status: string;
  statuses: Record<CertificateStatus, string>;
  noCertificates: string;
  policyNote: string;
  chartTitle: string;
  practice: string;
  exam: string;
  noScores: string;
  recurringTitle: string;
  recurringIntro: string;
  clause: string;
  attemptsWith: string;
  occurrences: string;
  lastSeen: string;
  noRecurring: string;
  historyTitle: string;
  date: string;
  type: string;
  what: string;
  score: string;
  result: string;
  kinds: Record<PracticeEntry['kind'], string>;
  procedures: Record<string, string>;
  attemptStatus: Record<PracticeEntry['status'], string>;
  examStatus: Record<ExamEntry['status'], string>;
  passed: string;
  failed: string;
  criticalFailure: string;
  notReleased: string;
  regraded: string;
  noAttempts: string;
}

export const TRAINEE_FILE_WORDS: Record<'zh' | 'en', FileWords> = {
  zh: {
    title: '学员培训档案',
    madeAt: (d) => `生成日期 ${d}（UTC）`,
    pageOf: (p, n) => `第 ${p} 页 / 共 ${n} 页`,
    name: '姓名',
    profession: '职业',
    professionWithClause: (p, c) => `${p}（第 ${c} 条）`,
    withReason: (st, r) => `${st}：${r}`,
    certificateNumber: '执业证书编号',
    certificateKind: '证书类别',
    certificatesTitle: '培训合格证明',
    number: '证书编号',
    issuedAt: '签发日期',
    validUntil: '有效期至',
    recertifyBy: '复训截止',
    status: '状态',
    statuses: { valid: '有效', due: '应复训', expired: '已过期', revoked: '已撤销' },
    noCertificates: '尚无培训合格证明。',
    policyNote: '有效期与复训日期为本机构的规定，标准未作规定。',
    chartTitle: '成绩趋势',
    practice: '实训练习',
    exam: '考核',
    noScores: '尚无成绩。',
    recurringTitle: '反复出现的问题（按条款）',
    recurringIntro: '在两次及以上操作或考核中出现问题的《微针治疗操作规范》条款。',
    clause: '条款',
    attemptsWith: '涉及次数',
    occurrences: '问题总数',
    lastSeen: '最近出现',
    noRecurring: '没有反复出现的问题。',
    historyTitle: '操作与考核记录',
    date: '日期',
    type: '类型',
    what: '内容',
    score: '成绩',
    result: '结果',
    kinds: { practice: '实训练习', test: '操作测试', imported: '导入记录' },
    procedures: { roller: '滚轮微针', rf: '射频微针', nano: '纳米微针' },
    attemptStatus: { running: '进行中', finished: '已完成', abandoned: '已中止' },
    examStatus: { running: '进行中', submitted: '已交卷' },
    passed: '合格',
    failed: '不合格',
    criticalFailure: '严重错误，不合格',
    notReleased: '成绩未公布',
    regraded: '已复评',
    noAttempts: '尚无记录。',
  },
  en: {
    title: 'Trainee training file',
    madeAt: (d) => `Made on ${d} (UTC)`,
    pageOf: (p, n) => `Page ${p} of ${n}`,
    name: 'Name',
    profession: 'Profession',
    professionWithClause: (p, c) => `${p} (clause ${c})`,
    withReason: (st, r) => `${st}: ${r}`,
    certificateNumber: 'Professional certificate no.',
    certificateKind: 'Certificate kind',
    certificatesTitle: 'Certificates of training completion',
    number: 'Record number',
    issuedAt: 'Issued on',
    validUntil: 'Valid until',
    recertifyBy: 'Recertify by',
    status: 'Status',
    statuses: { valid: 'Valid', due: 'Recertification due', expired: 'Expired', revoked: 'Revoked' },
    noCertificates: 'No completion records yet.',
    policyNote: "Validity and recertification dates are the institution's policy; the standard sets neither.",
    chartTitle: 'Scores over time',
    practice: 'Practice',
    exam: 'Exam',
    noScores: 'No scores yet.',
    recurringTitle: 'Findings that recur, by clause',
    recurringIntro: 'Clauses of the microneedling standard with findings in two or more attempts.',
    clause: 'Clause',
    attemptsWith: 'Attempts',
    occurrences: 'Findings',
    lastSeen: 'Last seen',
    noRecurring: 'No findings recur.',
    historyTitle: 'Attempts, practice and exams',
    date: 'Date',
    type: 'Type',
    what: 'What',
    score: 'Score',
    result: 'Result',
    kinds: { practice: 'Practice', test: 'Skills test', imported: 'Imported' },
    procedures: { roller: 'Roller microneedling', rf: 'RF microneedling', nano: 'Nano microneedling' },
    attemptStatus: { running: 'Running', finished: 'Finished', abandoned: 'Abandoned' },
    examStatus: { running: 'Running', submitted: 'Submitted' },
    passed: 'Passed',
    failed: 'Failed',
    criticalFailure: 'Critical error, failed',
    notReleased: 'Result not released',
    regraded: 'regraded',
    noAttempts: 'No attempts yet.',
  },
};
