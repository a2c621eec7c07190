// Numbers, years and words as the city writes them, in Japanese first and English on request.
const TEXT = {
  ja: {
    title: '北九州市 政策エクスプローラー', overview: '計画の概要', offTrack: '遅れている指標', whatIf: '事業廃止の影響',
    coverage: '未設定・未測定', search: '検索', searchLabel: '名称・指標・課を検索', language: 'English',
    languageLabel: '表示言語を英語に切り替え', plan: '計画', planSwitch: '計画を選ぶ', fiscalYear: '年度',
    pillar: '柱', pillars: '柱', budget: '予算額', planBudget: '計画全体の予算額（事業ごとに1回）',
    kpisByStatus: '成果指標の達成状況', programs: '事務事業', departments: '担当課', partners: '政策連携団体',
    measures: '主な施策', kpis: '成果指標', noBudget: '予算額なし', loading: '読み込み中…', error: 'エラー',
    direction: '方向', HIGHER_IS_BETTER: '高いほど良い', LOWER_IS_BETTER: '低いほど良い（順位・削減）',
    ACHIEVED: '達成', ON_TRACK: '順調', OFF_TRACK: '遅れ', NO_DATA: '実績なし', QUALITATIVE: '定性目標',
    BASELINE: '基準値', TARGET: '目標値', ACTUAL: '実績値', ANNUAL: '単年度', MID_TERM: '中期', CUMULATIVE: '累計',
    status: '達成状況', statusRule: '判定規則', method: '測定方法', unit: '単位', figures: '数値と出典',
    period: '年度・期間', value: '数値', document: '出典', section: '箇所', qualitativeTargets: '数値によらない目標',
    chart: '基準値・目標値・実績値の推移', trace: '貢献経路', traceOf: 'の貢献経路', pillarTrace: 'この柱に貢献する指標',
    kpiTrace: 'この指標の貢献経路', program: '事務事業', department: '課・室', organization: '組織', partner: '政策連携団体',
    policyIssues: '関係する課題', summary: '事業概要', listedUnder: '掲載されている施策', reposted: '再掲',
    whatIfIntro: '廃止を仮定する事業を選んでください（データは変更されません）。', showEffect: '影響を表示',
    retired: '廃止を仮定した事業', kpisLosingLastProgram: '最後の事業を失う指標', kpisLosingPillar: '柱への貢献を失う指標',
    measuresLeftEmpty: '事業がなくなる施策', budgetChanges: '予算額の変化', before: '変更前', after: '変更後',
    change: '増減', none: 'なし', planTotal: '計画全体', results: '検索結果', noResults: '見つかりませんでした',
    measuresWithoutKpis: '指標のない施策', programsWithoutKpis: '指標のない事業',
    programsWithoutOrganization: '担当課のない事業', kpisWithoutTarget: '目標値のない指標',
    kpisWithoutActual: '実績のない指標', count: '件数', goal: '目標', children: '下位組織', parent: '上位組織',
    supervisor: '所管課', notes: '注記', kind: '種類', continues: '前身事業', statusReason: '判定の理由',
    lowerIsBetter: '低いほど良い', legend: '凡例', range: '累計目標（期間）', chartSummary: 'グラフの数値は下の表のとおり',
    Plan: '計画', Pillar: '柱', Measure: '施策', Program: '事務事業', Kpi: '成果指標', Organization: '組織',
    PartnerBody: '政策連携団体', Facility: '施設', PolicyIssue: '課題', view: '表示', skip: '本文へ移動',
    firstViewNote: '',
  },
  en: {
    title: 'Kitakyushu City policy explorer', overview: 'Plan overview', offTrack: 'Off-track indicators',
    whatIf: 'What if programs were retired', coverage: 'Coverage gaps', search: 'Search',
    searchLabel: 'Search names, indicators, departments', language: '日本語', languageLabel: 'Switch to Japanese',
    plan: 'Plan', planSwitch: 'Choose a plan', fiscalYear: 'Fiscal year', pillar: 'Pillar', pillars: 'Pillars',
    budget: 'Budget', planBudget: 'Plan total (each program once)', kpisByStatus: 'Indicators by status',
    programs: 'Programs', departments: 'Departments', partners: 'Partner bodies', measures: 'Measures',
    kpis: 'Indicators', noBudget: 'no budget', loading: 'Loading…', error: 'Error', direction: 'Direction',
    HIGHER_IS_BETTER: 'higher is better', LOWER_IS_BETTER: 'lower is better (rank, reduction)',
    ACHIEVED: 'Achieved', ON_TRACK: 'On track', OFF_TRACK: 'Off track', NO_DATA: 'No data', QUALITATIVE: 'Qualitative',
    BASELINE: 'Baseline', TARGET: 'Target', ACTUAL: 'Actual', ANNUAL: 'annual', MID_TERM: 'mid-term',
    CUMULATIVE: 'cumulative', status: 'Status', statusRule: 'Rule', method: 'Method', unit: 'Unit',
    figures: 'Figures and their sources', period: 'Year or period', value: 'Value', document: 'Document',
    section: 'Section', qualitativeTargets: 'Targets in words', chart: 'Baseline, targets and actuals by fiscal year',
    trace: 'Trace', traceOf: ': contribution paths', pillarTrace: 'Indicators serving this pillar',
    kpiTrace: 'Contribution paths of this indicator', program: 'Program', department: 'Department',
    organization: 'Organization', partner: 'Partner body', policyIssues: 'Policy issues concerning it',
    summary: 'Summary', listedUnder: 'Listed under', reposted: 'listed again (再掲)',
    whatIfIntro: 'Choose programs to retire (nothing is changed).', showEffect: 'Show the effect',
    retired: 'Programs retired', kpisLosingLastProgram: 'Indicators losing their last program',
    kpisLosingPillar: 'Indicators losing a pillar', measuresLeftEmpty: 'Measures left without programs',
    budgetChanges: 'Budget changes', before: 'Before', after: 'After', change: 'Change', none: 'None',
    planTotal: 'Whole plan', results: 'Results', noResults: 'Nothing found',
    measuresWithoutKpis: 'Measures without indicators', programsWithoutKpis: 'Programs without indicators',
    programsWithoutOrganization: 'Programs without a department', kpisWithoutTarget: 'Indicators without a target',
    kpisWithoutActual: 'Indicators without an actual', count: 'Count', goal: 'Goal', children: 'Units under it',
    parent: 'Part of', supervisor: 'Supervised by', notes: 'Notes', kind: 'Kind', continues: 'Continues',
    statusReason: 'Why', lowerIsBetter: 'lower is better', legend: 'Legend', range: 'cumulative target (range)',
    chartSummary: 'The chart\'s figures are in the table below', Plan: 'Plan', Pillar: 'Pillar', Measure: 'Measure',
    Program: 'Program', Kpi: 'Indicator', Organization: 'Organization', PartnerBody: 'Partner body',
    Facility: 'Facility', PolicyIssue: 'Policy issue', view: 'Show', skip: 'Skip to content', firstViewNote: '',
  },
};

/** Why a status is what it is: docs/KPI_STATUS.md, the rule's branches in a sentence each. */
const REASONS = {
  ja: {
    ACHIEVED: '最新の実績値が、その年度以降で最も近い目標値を満たしている（方向を考慮）。',
    ON_TRACK: '目標は未達だが、最新の実績値が基準値から目標値への道筋以上にある。',
    OFF_TRACK: '最新の実績値が基準値から目標値への道筋より遅れている、または目標年度に達して未達。',
    NO_DATA: '数値のある実績値がまだない（－・調査中は数えない）。',
    QUALITATIVE: '実績はあるが、数値で判定できる目標がない（単年度目標設定なし など）。',
  },
  en: {
    ACHIEVED: 'The latest actual meets the nearest target at or after its year (in the better direction).',
    ON_TRACK: 'Not yet met, but the latest actual is at or ahead of the path from baseline to target.',
    OFF_TRACK: 'The latest actual is behind the path from baseline to target, or the target year came unmet.',
    NO_DATA: 'No actual with a figure yet (－ and 調査中 do not count).',
    QUALITATIVE: 'Actuals exist, but no target can be judged as a number (e.g. 単年度目標設定なし).',
  },
};

/** The source documents (data/README.md, /work seeds): what each sourceId is. */
const DOCUMENTS = {
  'shin-vision-r8-programs': { ja: '新ビジョン 主要事務事業（R8）', en: 'New Vision main programs (FY2026)' },
  'sousei-kpi-h28': { ja: '総合戦略 KPI（H28実績）', en: 'Comprehensive Strategy KPIs (to FY2016)' },
  'x-houshin-r7': { ja: '政策局 局区X方針（R7）', en: 'Policy Bureau X policy (FY2025)' },
  'x-houshin-r6': { ja: '政策局 局区X方針（R6）', en: 'Policy Bureau X policy (FY2024)' },
  'kitaq-dx-r6': { ja: 'KitaQ DX ダッシュボード', en: 'KitaQ DX dashboard' },
};

export const state = { lang: 'ja' };

export function t(key) {
  return TEXT[state.lang][key] ?? TEXT.ja[key] ?? key;
}

/** The rule's general wording for a status (docs/KPI_STATUS.md), for lists of many KPIs. */
export function reason(status) {
  return REASONS[state.lang][status] ?? '';
}

/** One KPI's reason (判定理由) as the API gives it, in the chosen language; else the general wording. */
export function statusReason(kpi) {
  const why = kpi.statusReason;
  if (!why) {
    return reason(kpi.status);
  }
  return state.lang === 'en' ? why.textEn : why.text;
}

export function documentName(sourceId) {
  return DOCUMENTS[sourceId]?.[state.lang] ?? sourceId;
}

/** A node's name in the chosen language: nameEn in English where the API has it. */
export function name(node) {
  if (!node) {
    return '';
  }
  const own = node.name ?? node.title ?? node.id;
  const english = node.nameEn ?? node.titleEn;
  return state.lang === 'en' && english ? english : own;
}

/** A pillar with its document numbering, e.g. Ⅱ 彩りあるまち. */
export function pillarName(pillar) {
  return pillar.label ? `${pillar.label} ${name(pillar)}` : name(pillar);
}

const grouping = new Intl.NumberFormat('ja-JP');
const oneDecimal = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** Yen as the documents write them: 1,653,670千円 (約16.5億円); △ for a decrease. */
export function yen(amount, { sign = false } = {}) {
  if (amount === null || amount === undefined) {
    return t('noBudget');
  }
  const negative = amount < 0;
  const thousands = Math.abs(amount) / 1000;
  const prefix = negative ? '△' : (sign && amount > 0 ? '+' : '');
  if (state.lang === 'en') {
    const billions = Math.abs(amount) >= 1e9 ? ` (¥${twoDecimals.format(Math.abs(amount) / 1e9)} bn)` : '';
    return `${prefix}¥${grouping.format(thousands)} thousand${billions}`;
  }
  const oku = Math.abs(amount) >= 1e8 ? `（約${oneDecimal.format(Math.abs(amount) / 1e8)}億円）` : '';
  return `${prefix}${grouping.format(thousands)}千円${oku}`;
}

const era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric' });
const eraShort = new Intl.DateTimeFormat('en-US-u-ca-japanese', { era: 'narrow', year: 'numeric' });

/** A fiscal year by the era on its first day (1 April) and the Western year: 令和8年度（2026年度）. */
export function fiscalYear(year) {
  if (year === null || year === undefined) {
    return '';
  }
  const firstDay = new Date(Date.UTC(year, 3, 1, 3));
  if (state.lang === 'en') {
    const parts = eraShort.formatToParts(firstDay);
    const eraLetter = parts.find((part) => part.type === 'era')?.value ?? '';
    const eraYear = parts.find((part) => part.type === 'year')?.value ?? '';
    return `FY${year} (${eraLetter}${eraYear})`;
  }
  return `${era.format(firstDay).replace(/年$/, '')}年度（${year}年度）`;
}

/** The short form for chart axes: R8 / 2026. */
export function fiscalYearShort(year) {
  const parts = eraShort.formatToParts(new Date(Date.UTC(year, 3, 1, 3)));
  const eraLetter = parts.find((part) => part.type === 'era')?.value ?? '';
  const eraYear = parts.find((part) => part.type === 'year')?.value ?? '';
  return `${eraLetter}${eraYear}`;
}

export function count(number) {
  return grouping.format(number);
}
