/* kam serve: the pages' script. No framework, no build step, nothing fetched from outside the server.
 * Every text comes from the serve message bundle (GET /api/messages); every number is formatted here with
 * its unit. Text from the data is always set as text, never as HTML. */
(function () {
  'use strict';

  // ------------------------------------------------------------------ state

  const SLIDERS = [
    { key: 'simulation.marketGrowth.mean', code: 'marketGrowthMean', min: -0.05, max: 0.15, step: 0.005, kind: 'pct' },
    { key: 'simulation.marketGrowth.sd', code: 'marketGrowthSd', min: 0, max: 0.3, step: 0.01, kind: 'pct' },
    { key: 'simulation.churn.covered', code: 'churnCovered', min: 0, max: 0.3, step: 0.005, kind: 'pct' },
    { key: 'simulation.churn.uncovered', code: 'churnUncovered', min: 0, max: 0.4, step: 0.005, kind: 'pct' },
    { key: 'simulation.shareGain.covered', code: 'shareGainCovered', min: 0, max: 0.5, step: 0.01, kind: 'pct' },
    { key: 'simulation.conversion.covered', code: 'conversionCovered', min: 0, max: 0.6, step: 0.01, kind: 'pct' },
    { key: 'simulation.productAdoption', code: 'productAdoption', min: 0, max: 1, step: 0.05, kind: 'pct' },
    { key: 'simulation.newProspectsPerYear', code: 'newProspects', min: 0, max: 100, step: 1, kind: 'count' }
  ];
  const GOAL_KEYS = {
    revenue: 'strategy.goals.keyAccountRevenue',
    count: 'strategy.goals.keyAccountCount',
    share: 'strategy.goals.keyAccountRevenueShare',
    path: 'strategy.path'
  };
  const METRICS = ['keyAccountRevenue', 'totalRevenue', 'keyAccountCount', 'keyAccountShare', 'grossProfit'];
  const COLORS = ['#1f5fad', '#e8740c', '#2e8540', '#8e44ad', '#c8342b', '#16a2b8', '#7f8c8d', '#d4a017'];
  const ROWS = 60;

  const store = {
    get(k, d) { try { const v = sessionStorage.getItem(k); return v == null ? d : JSON.parse(v); } catch (e) { return d; } },
    put(k, v) { try { sessionStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* private mode: keep in memory */ } }
  };

  const S = {
    tab: tabId(),
    lang: initialLang(),
    words: {},
    status: null,
    summary: null,
    overview: null,
    targets: null,
    plan: null,
    sim: null,
    compare: null,
    variants: [],
    set: store.get('kam.set', {}),
    locks: store.get('kam.locks', {}),
    paths: store.get('kam.paths', 2000),
    metric: 'keyAccountRevenue',
    page: null,
    charts: {},
    ovRows: ROWS,
    plRows: ROWS,
    lastChange: null
  };
  window.kamPerf = { sims: [], moves: [], simSeq: 0, moveSeq: 0 };

  function tabId() {
    let id = store.get('kam.tab', null);
    if (!id) {
      const b = new Uint8Array(12);
      crypto.getRandomValues(b);
      id = 't' + Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
      store.put('kam.tab', id);
    }
    return id;
  }

  function initialLang() {
    let l = null;
    try { l = localStorage.getItem('kam.lang'); } catch (e) { /* none */ }
    if (l === 'en' || l === 'zh') return l;
    return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  // ------------------------------------------------------------------ helpers

  async function api(path, body, signal) {
    const opt = { method: body === undefined ? 'GET' : 'POST', headers: { 'X-Kam-Tab': S.tab }, credentials: 'same-origin', signal };
    if (body !== undefined) {
      opt.headers['Content-Type'] = 'application/json';
      opt.body = JSON.stringify(body);
    }
    const res = await fetch(path, opt);
    const text = await res.text();
    let data = null;
    try { data = JSON.parse(text); } catch (e) { data = { error: text.trim() }; }
    if (!res.ok) {
      const err = new Error((data && data.error) || (res.status + ' ' + res.statusText));
      err.status = res.status;
      err.data = data;
      throw err;
    }
    return data;
  }

  function t(key, ...args) {
    let p = S.words[key];
    if (p == null) return key;
    p = p.replace(/\{(\d+)\}/g, (m, i) => (args[+i] == null ? '' : String(args[+i])));
    return p.replace(/''/g, "'");
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else if (k === 'dataset') Object.assign(e.dataset, v);
        else if (v === true) e.setAttribute(k, '');
        else e.setAttribute(k, v);
      }
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  const fmt = {
    locale() { return S.lang === 'zh' ? 'zh-CN' : 'en-US'; },
    cur() { return (S.summary && S.summary.currency) || (S.status && S.status.currency) || ''; },
    compact(v, digits) {
      return new Intl.NumberFormat(fmt.locale(), { notation: 'compact', maximumFractionDigits: digits == null ? 1 : digits }).format(v);
    },
    money(v) {
      if (v == null || !isFinite(v)) return '–';
      // three significant digits (four in Chinese, whose 万 groups four digits): CNY 2.53M, CNY 690M, 3862万
      const digits = S.lang === 'zh' ? 4 : 3;
      return fmt.cur() + ' ' + new Intl.NumberFormat(fmt.locale(), { notation: 'compact', maximumSignificantDigits: digits }).format(v);
    },
    moneyDelta(v) {
      if (v == null || !isFinite(v)) return '–';
      const s = v > 0 ? '+' : v < 0 ? '−' : '±';
      return s + fmt.cur() + ' ' + fmt.compact(Math.abs(v), 1);
    },
    moneyFull(v) {
      if (v == null || !isFinite(v)) return '–';
      return fmt.cur() + ' ' + new Intl.NumberFormat(fmt.locale(), { maximumFractionDigits: 0 }).format(v);
    },
    pct(p, d) {
      if (p == null || !isFinite(p)) return '–';
      return (p * 100).toFixed(d == null ? 1 : d) + '%';
    },
    pts(d) {
      if (d == null || !isFinite(d)) return '–';
      const v = d * 100;
      return (v > 0.05 ? '+' : v < -0.05 ? '−' : '±') + Math.abs(v).toFixed(1) + ' ' + t('serve.unit.points');
    },
    int(v) {
      if (v == null || !isFinite(v)) return '–';
      return new Intl.NumberFormat(fmt.locale(), { maximumFractionDigits: 0 }).format(v);
    },
    num(v, d) {
      if (v == null || !isFinite(v)) return '–';
      return new Intl.NumberFormat(fmt.locale(), { maximumFractionDigits: d == null ? 1 : d }).format(v);
    },
    hours(v) { return fmt.int(v) + ' ' + t('serve.unit.hours'); },
    metric(m, v) {
      if (m === 'keyAccountCount') return fmt.int(v);
      if (m === 'keyAccountShare') return fmt.pct(v, 0);
      return fmt.money(v);
    },
    slider(s, v) { return s.kind === 'pct' ? fmt.pct(v, s.step < 0.01 ? 1 : 0) : fmt.int(v); }
  };

  /** "1 account", "29 accounts". */
  function accounts(n) {
    return t(n === 1 ? 'serve.common.accountOne' : 'serve.common.accountMany', fmt.int(n));
  }

  function toast(text) {
    const n = $('toast');
    n.textContent = text;
    n.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { n.hidden = true; }, 2600);
  }

  function showError(e, where) {
    const box = where || $('error');
    const lines = [e.message];
    if (e.data && e.data.problems) for (const p of e.data.problems) if (p !== e.message) lines.push(p);
    box.textContent = lines.join('\n');
    box.className = 'banner error';
    box.hidden = false;
  }

  function hideError(where) { (where || $('error')).hidden = true; }

  function chart(id) {
    if (!window.echarts) return null;
    let c = S.charts[id];
    if (!c) {
      c = echarts.init($(id), null, { renderer: 'canvas' });
      S.charts[id] = c;
      if (id === 'ch-fan') c.on('finished', onFanFinished);
    }
    return c;
  }

  function base() {
    return {
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      color: COLORS,
      animation: false,
      grid: { left: 12, right: 18, top: 34, bottom: 28, containLabel: true },
      tooltip: { trigger: 'axis', confine: true }
    };
  }

  function setChanged(key, value, original) {
    if (value == null || (typeof value === 'number' && typeof original === 'number' && Math.abs(value - original) < 1e-9)
        || value === original) {
      delete S.set[key];
    } else {
      S.set[key] = value;
    }
    store.put('kam.set', S.set);
  }

  function label(key) {
    const s = SLIDERS.find(x => x.key === key);
    if (s) return t('serve.slider.' + s.code);
    for (const [k, v] of Object.entries(GOAL_KEYS)) if (v === key) return t('serve.goal.' + k);
    return key;
  }

  function describeSet(set) {
    const parts = [];
    for (const [k, v] of Object.entries(set || {})) {
      const s = SLIDERS.find(x => x.key === k);
      let shown = v;
      if (s) shown = fmt.slider(s, Number(v));
      else if (k === GOAL_KEYS.revenue) shown = fmt.money(Number(v));
      else if (k === GOAL_KEYS.share) shown = fmt.pct(Number(v), 0);
      else if (k === GOAL_KEYS.path) shown = t('serve.path.' + v);
      parts.push(label(k) + ' ' + shown);
    }
    return parts.length ? parts.join(' · ') : t('serve.compare.asLoaded');
  }

  // ------------------------------------------------------------------ words and language

  async function loadWords() {
    const r = await api('/api/messages?lang=' + S.lang);
    S.words = r.words;
    document.documentElement.lang = S.lang === 'zh' ? 'zh-CN' : 'en';
    for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
    for (const n of document.querySelectorAll('[data-i18n-placeholder]')) n.placeholder = t(n.dataset.i18nPlaceholder);
    $('lang-en').classList.toggle('active', S.lang === 'en');
    $('lang-zh').classList.toggle('active', S.lang === 'zh');
    document.title = 'kam · ' + t('serve.nav.' + (S.page || 'overview'));
    $('foot-text').textContent = t('serve.foot');
  }

  async function switchLang(lang) {
    if (lang === S.lang) return;
    S.lang = lang;
    try { localStorage.setItem('kam.lang', lang); } catch (e) { /* none */ }
    await loadWords();
    renderStatus();
    rerender();
  }

  function rerender() {
    const p = S.page;
    if (p === 'overview' && S.overview) renderOverview();
    if (p === 'targets' && S.targets) renderTargets();
    if (p === 'plan' && S.plan) renderPlan();
    if (p === 'simulation') { buildSliders(); buildMetricSelect(); if (S.sim) renderSim(S.sim); }
    if (p === 'compare') { renderVariants(); if (S.compare) renderCompare(); }
  }

  // ------------------------------------------------------------------ status of the first run

  async function pollStatus() {
    try {
      S.status = await api('/api/status');
    } catch (e) {
      showError(e);
      return;
    }
    renderStatus();
    if (S.status.ready) {
      if (!S.summary) {
        S.summary = await api('/api/summary');
        if (S.paths == null) S.paths = Math.min(2000, S.summary.paths);
        if (S.page) enter(S.page);
      }
      return;
    }
    if (S.status.phase === 'failed') {
      showError(new Error(t('serve.status.failed', S.status.optimization.error || '')));
      return;
    }
    setTimeout(pollStatus, 1000);
  }

  function renderStatus() {
    const st = S.status;
    const n = $('status');
    if (!st) return;
    $('scenario-name').textContent = st.scenario;
    const stop = $('status-stop');
    if (st.ready) {
      n.textContent = t('serve.status.ready');
      n.classList.remove('busy');
      stop.hidden = true;
      return;
    }
    n.classList.add('busy');
    if (st.phase === 'assign') {
      const o = st.optimization;
      n.textContent = t('serve.status.optimizing', fmt.int(o.seconds), o.limitSeconds == null ? '?' : fmt.int(o.limitSeconds));
      stop.hidden = false;
    } else {
      n.textContent = t('serve.status.' + st.phase);
      stop.hidden = true;
    }
  }

  function waitingFor(box, body) {
    if (S.summary) { $(box).hidden = true; $(body).hidden = false; return false; }
    $(box).hidden = false;
    $(body).hidden = true;
    $(box).textContent = t('serve.status.waitPlan');
    return true;
  }

  // ------------------------------------------------------------------ router

  const PAGES = ['overview', 'targets', 'plan', 'simulation', 'compare', 'downloads'];

  function route() {
    const p = (location.hash || '#overview').slice(1);
    const page = PAGES.includes(p) ? p : 'overview';
    S.page = page;
    for (const x of PAGES) $('page-' + x).hidden = x !== page;
    for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === page);
    document.title = 'kam · ' + t('serve.nav.' + page);
    enter(page);
  }

  function enter(page) {
    hideError();
    if (page === 'overview') loadOverview();
    else if (page === 'targets') loadTargets();
    else if (page === 'plan') loadPlan();
    else if (page === 'simulation') enterSim();
    else if (page === 'compare') loadVariants();
    else if (page === 'downloads') enterDownloads();
    requestAnimationFrame(() => { for (const c of Object.values(S.charts)) c.resize(); });
  }

  // ------------------------------------------------------------------ overview

  async function loadOverview() {
    if (!S.overview) {
      try { S.overview = await api('/api/overview'); } catch (e) { showError(e); return; }
    }
    renderOverview();
  }

  function card(labelText, value, sub, accent, id) {
    return el('div', { class: 'card' + (accent ? ' accent' : ''), id },
      el('div', { class: 'label', text: labelText }), el('div', { class: 'value', text: value }),
      sub ? el('div', { class: 'sub', text: sub }) : null);
  }

  function renderOverview() {
    const o = S.overview;
    const td = o.today;
    const cards = clear($('ov-cards'));
    cards.append(
      card(t('serve.overview.revenue'), fmt.money(td.totalRevenue), t('serve.overview.accountsCount', fmt.int(td.accounts), fmt.int(td.prospects))),
      card(t('serve.overview.keyAccounts'), fmt.int(td.keyAccountCount),
        t('serve.overview.keyShare', fmt.pct(td.keyAccountShare, 0), fmt.money(td.threshold))),
      o.goal ? card(t('serve.overview.goal', o.goal.year), fmt.money(o.goal.keyAccountRevenue),
        t('serve.overview.goalSub', fmt.int(o.goal.keyAccountCount), fmt.pct(o.goal.keyAccountShare, 0))) : null,
      card(t('serve.overview.chance'), S.summary ? fmt.pct(S.summary.goalProbability, 1) : '…',
        S.summary ? t('serve.overview.chanceSub', fmt.pct(S.summary.baselineGoalProbability, 1),
          ci(S.summary.goalProbabilityCiLow, S.summary.goalProbabilityCiHigh),
          ci(S.summary.baselineGoalProbabilityCiLow, S.summary.baselineGoalProbabilityCiHigh)) : t('serve.status.waitPlan'), true, 'ov-chance'));

    const v = clear($('ov-verdict'));
    if (o.health) {
      v.className = 'verdict ' + (o.health.verdict === 'healthy' ? 'good' : 'warn');
      v.append(el('div', { class: 'title', text: t('serve.verdict.' + o.health.verdict) }),
        el('div', { text: o.health.summary }),
        el('ul', null, o.health.findings.slice(0, 4).map(f => el('li', { text: f }))));
    }

    const py = chart('ch-pyramid');
    if (py) {
      // the shape is the pyramid (key on top, narrowest); the numbers are in the labels
      const tierColor = { key: '#1f5fad', mid: '#e8740c', small: '#2e8540' };
      const data = o.pyramid.map((p, i) => ({
        name: t('serve.tier.' + p.tier), value: i + 1, itemStyle: { color: tierColor[p.tier] },
        label: { formatter: t('serve.overview.tierLabel', t('serve.tier.' + p.tier), accounts(p.count), fmt.pct(p.revenueShare, 0)) }
      }));
      py.setOption(Object.assign(base(), {
        tooltip: { trigger: 'item', formatter: p => { const x = o.pyramid[p.dataIndex]; return t('serve.overview.tierTip', p.name, accounts(x.count), fmt.money(x.revenue), fmt.pct(x.revenueShare, 0)); } },
        series: [{ type: 'funnel', sort: 'ascending', left: '3%', width: '40%', top: 10, bottom: 10, gap: 3, minSize: '25%',
          label: { position: 'right', color: '#1f2933', fontSize: 12 }, labelLine: { length: 12 }, data }]
      }), true);
    }
    const rt = chart('ch-ratings');
    if (rt) {
      rt.setOption(Object.assign(base(), {
        legend: { top: 0, data: [t('serve.overview.accountsAxis'), t('serve.overview.revenueAxis')] },
        xAxis: { type: 'category', data: o.ratings.map(r => r.rating + 'A') },
        yAxis: [{ type: 'value', name: '', minInterval: 1 }, { type: 'value', axisLabel: { formatter: v => fmt.compact(v) }, splitLine: { show: false } }],
        tooltip: { trigger: 'axis', valueFormatter: null, formatter: ps => ps.map(p => p.seriesName + ': ' + (p.seriesIndex === 1 ? fmt.money(p.value) : fmt.int(p.value))).join('<br>') },
        series: [{ type: 'bar', name: t('serve.overview.accountsAxis'), data: o.ratings.map(r => r.count), barWidth: '55%' },
          { type: 'line', name: t('serve.overview.revenueAxis'), yAxisIndex: 1, data: o.ratings.map(r => r.revenue), symbolSize: 7 }]
      }), true);
    }
    const dg = chart('ch-diagnosis');
    if (dg) {
      const dcol = { cannotWin: '#c8342b', cannotGrow: '#e8740c', cannotKeep: '#8e44ad', healthy: '#2e8540' };
      dg.setOption(Object.assign(base(), {
        tooltip: { trigger: 'item', formatter: p => t('serve.overview.diagTip', p.name, accounts(p.value), fmt.money(o.diagnosis[p.dataIndex].revenue)) },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['42%', '70%'], center: ['50%', '45%'], label: { formatter: '{c}' },
          data: o.diagnosis.map(d => ({ name: t('serve.diagnosis.' + d.code), value: d.count, itemStyle: { color: dcol[d.code] } })) }]
      }), true);
    }

    const f = $('ov-filter');
    if (!f.options.length || f.dataset.lang !== S.lang) {
      const keep = f.value;
      clear(f).append(el('option', { value: '', text: t('serve.overview.allAccounts') }),
        ...o.diagnosis.map(d => el('option', { value: d.code, text: t('serve.diagnosis.' + d.code) })));
      f.value = keep;
      f.dataset.lang = S.lang;
    }
    renderOverviewTable();
  }

  function renderOverviewTable() {
    const o = S.overview;
    const f = $('ov-filter').value;
    const q = $('ov-search').value.trim().toLowerCase();
    const rows = o.accounts.filter(a => (!f || a.diagnosis === f)
      && (!q || (a.name + ' ' + a.id + ' ' + (a.industry || '') + ' ' + (a.region || '')).toLowerCase().includes(q)));
    const table = clear($('ov-table'));
    table.append(el('thead', null, el('tr', null,
      el('th', { text: t('serve.col.account') }), el('th', { text: t('serve.col.industry') }), el('th', { text: t('serve.col.region') }),
      el('th', { text: t('serve.col.tier') }), el('th', { text: t('serve.col.rating') }), el('th', { class: 'num', text: t('serve.col.revenue') }),
      el('th', { class: 'num', text: t('serve.col.shareOfWallet') }), el('th', { text: t('serve.col.diagnosis') }), el('th', { text: t('serve.col.why') }))));
    const body = el('tbody');
    for (const a of rows.slice(0, S.ovRows)) {
      body.append(el('tr', null,
        el('td', null, a.name, el('span', { class: 'id', text: a.id })), el('td', { text: a.industry }), el('td', { text: a.region }),
        el('td', { text: t('serve.tier.' + a.tier) }), el('td', { text: a.rating + 'A' }), el('td', { class: 'num', text: fmt.money(a.revenue) }),
        el('td', { class: 'num', text: fmt.pct(a.shareOfWallet, 0) }),
        el('td', null, el('span', { class: 'tag ' + a.diagnosis, text: t('serve.diagnosis.' + a.diagnosis) })),
        el('td', { class: 'reason', text: a.reason })));
    }
    table.append(body);
    more($('ov-more'), rows.length, S.ovRows, () => { S.ovRows = Infinity; renderOverviewTable(); });
  }

  function more(box, total, shown, onAll) {
    clear(box);
    if (total > shown) {
      box.append(el('span', { text: t('serve.common.shown', fmt.int(Math.min(total, shown)), fmt.int(total)) + ' ' }),
        el('button', { type: 'button', class: 'link', text: t('serve.common.showAll'), onclick: onAll }));
    } else {
      box.append(el('span', { class: 'hint', text: t('serve.common.rows', fmt.int(total)) }));
    }
  }

  // ------------------------------------------------------------------ targets

  async function loadTargets() {
    try {
      S.targets = await api('/api/targets', { set: S.set });
      hideError($('tg-message'));
    } catch (e) {
      showError(e, $('tg-message'));
      if (!S.targets) return;
    }
    renderTargets();
  }

  function goalValue(key, fallback) {
    return Object.prototype.hasOwnProperty.call(S.set, key) ? S.set[key] : fallback;
  }

  function renderTargets() {
    const g = S.targets;
    const base0 = S.status.goals;
    const inputs = g.inputs;
    $('tg-revenue').value = inputs[GOAL_KEYS.revenue] == null ? '' : Math.round(inputs[GOAL_KEYS.revenue]);
    $('tg-count').value = inputs[GOAL_KEYS.count] == null ? '' : inputs[GOAL_KEYS.count];
    $('tg-share').value = inputs[GOAL_KEYS.share] == null ? '' : Math.round(inputs[GOAL_KEYS.share] * 1000) / 10;
    const path = $('tg-path');
    const paths = ['steady', 'linear', 's-curve'].concat(base0.milestones ? ['milestones'] : []);
    clear(path).append(...paths.map(p => el('option', { value: p, text: t('serve.path.' + p) })));
    path.value = inputs[GOAL_KEYS.path];

    const tc = chart('ch-targets');
    if (tc) {
      const years = [g.baseYear].concat(g.years.map(y => y.year));
      tc.setOption(Object.assign(base(), {
        legend: { top: 0, data: [t('serve.targets.kaRevenue'), t('serve.targets.kaCount')] },
        xAxis: { type: 'category', data: years },
        yAxis: [{ type: 'value', axisLabel: { formatter: v => fmt.compact(v) } },
          { type: 'value', minInterval: 1, splitLine: { show: false } }],
        tooltip: { trigger: 'axis', formatter: ps => ps[0].axisValue + '<br>' + ps.map(p => p.seriesName + ': ' + (p.seriesIndex === 0 ? fmt.money(p.value) : fmt.int(p.value))).join('<br>') },
        series: [
          { type: 'bar', name: t('serve.targets.kaRevenue'), barWidth: '55%',
            data: [{ value: g.today.keyAccountRevenue, itemStyle: { color: '#9aa9b8' } }].concat(g.years.map(y => y.keyAccountRevenue)) },
          { type: 'line', name: t('serve.targets.kaCount'), yAxisIndex: 1, symbolSize: 7, itemStyle: { color: '#e8740c' },
            data: [g.today.keyAccountCount].concat(g.years.map(y => y.keyAccountCount)) }
        ]
      }), true);
    }

    const w = clear($('tg-warnings'));
    for (const x of g.warnings) w.append(el('li', { class: 'warn', text: x.message }));
    for (const x of g.notes) w.append(el('li', { text: x }));
    for (const x of g.scenarioWarnings || []) w.append(el('li', { class: 'warn', text: x }));
    if (!w.firstChild) w.append(el('li', { text: t('serve.targets.noWarnings') }));

    const table = clear($('tg-table'));
    table.append(el('thead', null, el('tr', null, ...['year', 'kaRevenue', 'growth', 'kaCount', 'kaShare', 'orders', 'orderValue', 'wins', 'headcount']
      .map((k, i) => el('th', { class: i ? 'num' : null, text: t('serve.targets.col.' + k) })))));
    const body = el('tbody');
    for (const y of g.years) {
      body.append(el('tr', null, el('td', { text: y.year }), el('td', { class: 'num', text: fmt.money(y.keyAccountRevenue) }),
        el('td', { class: 'num', text: fmt.pct(y.growth, 1) }), el('td', { class: 'num', text: fmt.int(y.keyAccountCount) }),
        el('td', { class: 'num', text: fmt.pct(y.keyAccountShare, 0) }), el('td', { class: 'num', text: fmt.num(y.ordersPerAccount, 1) }),
        el('td', { class: 'num', text: fmt.money(y.orderValue) }), el('td', { class: 'num', text: fmt.int(y.winsNeeded) }),
        el('td', { class: 'num', text: y.headcountNeeded == null ? '–' : fmt.num(y.headcountNeeded, 1) + ' / ' + fmt.int(y.headcountAvailable) })));
    }
    table.append(body);

    const ys = $('tg-year');
    const keep = ys.value;
    clear(ys).append(...g.years.map(y => el('option', { value: y.year, text: y.year })));
    ys.value = keep && g.years.some(y => String(y.year) === keep) ? keep : String(g.years.length ? g.years[0].year : '');
    renderDepartments();
  }

  function renderDepartments() {
    const g = S.targets;
    const year = Number($('tg-year').value);
    const table = clear($('tg-departments'));
    table.append(el('thead', null, el('tr', null, el('th', { text: t('serve.targets.col.department') }), el('th', { text: t('serve.targets.col.measure') }),
      el('th', { class: 'num', text: t('serve.targets.col.from') }), el('th', { class: 'num', text: t('serve.targets.col.to') }),
      el('th', { class: 'num', text: t('serve.targets.col.change') }), el('th', { text: t('serve.targets.col.text') }))));
    const body = el('tbody');
    for (const d of g.departments.filter(x => x.year === year)) {
      const money = d.metric === 'orderValue';
      const f = v => money ? fmt.money(v) : d.metric === 'keyAccountRetention' ? fmt.pct(v, 0) : fmt.num(v, 1);
      body.append(el('tr', null, el('td', { text: t('serve.department.' + d.department) }), el('td', { text: t('serve.measure.' + d.metric) }),
        el('td', { class: 'num', text: f(d.baseline) }), el('td', { class: 'num', text: f(d.target) }),
        el('td', { class: 'num', text: d.change == null ? '–' : fmt.pct(d.change, 1) }), el('td', { class: 'reason', text: d.text })));
    }
    table.append(body);
  }

  function applyTargets() {
    const sc = S.status.goals;
    const rev = $('tg-revenue').value.trim();
    const cnt = $('tg-count').value.trim();
    const shr = $('tg-share').value.trim();
    setChanged(GOAL_KEYS.revenue, rev === '' ? null : Number(rev), sc[GOAL_KEYS.revenue]);
    setChanged(GOAL_KEYS.count, cnt === '' ? null : Number(cnt), sc[GOAL_KEYS.count]);
    setChanged(GOAL_KEYS.share, shr === '' ? null : Math.round(Number(shr) * 10) / 1000, sc[GOAL_KEYS.share]);
    setChanged(GOAL_KEYS.path, $('tg-path').value, sc[GOAL_KEYS.path]);
    S.sim = null;
    loadTargets();
  }

  function resetTargets() {
    for (const k of Object.values(GOAL_KEYS)) delete S.set[k];
    store.put('kam.set', S.set);
    S.sim = null;
    loadTargets();
  }

  // ------------------------------------------------------------------ plan

  async function loadPlan() {
    if (waitingFor('pl-waiting', 'pl-body')) return;
    try { S.plan = await api('/api/plan'); } catch (e) { showError(e); return; }
    renderPlan();
  }

  function soldierName(id) {
    if (id == null) return t('serve.plan.none');
    const s = S.plan.soldierInfo.find(x => x.id === id);
    return s ? s.name + ' (' + id + ')' : id;
  }

  function renderPlan() {
    renderPlanCards();
    const p = S.plan;
    const f = $('pl-filter');
    if (!f.options.length || f.dataset.lang !== S.lang) {
      const keep = f.value;
      clear(f).append(...['all', 'moved', 'locked', 'uncovered', 'key'].map(k => el('option', { value: k, text: t('serve.plan.filter.' + k) })));
      f.value = keep || 'all';
      f.dataset.lang = S.lang;
    }
    renderPlanTable();
    renderSoldiers();
    renderChange();
  }

  function renderPlanCards() {
    const p = S.plan;
    const cards = clear($('pl-cards'));
    const broken = p.broken.filter(b => b.level === 'hard').length;
    cards.append(
      card(t('serve.plan.value'), fmt.money(p.objective), t('serve.plan.valueSub'), true, 'pl-objective'),
      card(t('serve.plan.today'), fmt.money(p.baselineObjective), t('serve.plan.todaySub', fmt.moneyDelta(p.objective - p.baselineObjective))),
      card(t('serve.plan.rules'), p.feasible ? t('serve.plan.rulesKept') : t('serve.plan.rulesBroken', fmt.int(broken || -p.hard)),
        p.medium < 0 ? t('serve.plan.mustCoverOpen', fmt.int(-p.medium)) : t('serve.plan.rulesSub'), false, 'pl-rules'),
      card(t('serve.plan.moved'), fmt.int(p.accountsMoved), t('serve.plan.movedSub', fmt.int(p.accountsDropped), fmt.int(p.covered), fmt.int(p.accounts.length))));
    $('pl-undo').disabled = !p.undo;
  }

  function planRows() {
    const f = $('pl-filter').value || 'all';
    const q = $('pl-search').value.trim().toLowerCase();
    return S.plan.accounts.filter(a => (f === 'all' || (f === 'moved' && a.moved) || (f === 'locked' && S.locks[a.id])
      || (f === 'uncovered' && !a.lead) || (f === 'key' && a.tier === 'key'))
      && (!q || (a.name + ' ' + a.id + ' ' + (a.lead || '') + ' ' + (a.owner || '')).toLowerCase().includes(q)));
  }

  function renderPlanTable() {
    const rows = planRows();
    const table = clear($('pl-table'));
    table.append(el('thead', null, el('tr', null, el('th', { text: t('serve.col.lock') }), el('th', { text: t('serve.col.account') }),
      el('th', { text: t('serve.col.rating') }), el('th', { text: t('serve.col.owner') }), el('th', { text: t('serve.col.lead') }),
      el('th', { text: t('serve.col.effort') }), el('th', { class: 'num', text: t('serve.col.hours') }),
      el('th', { class: 'num', text: t('serve.col.value') }), el('th', { text: t('serve.col.why') }))));
    const body = el('tbody');
    for (const a of rows.slice(0, S.plRows)) body.append(planRow(a));
    table.append(body);
    more($('pl-more'), rows.length, S.plRows, () => { S.plRows = Infinity; renderPlanTable(); });
  }

  function planRow(a) {
    const p = S.plan;
    const lead = el('select', { 'aria-label': t('serve.col.lead'), dataset: { account: a.id, role: 'lead' } },
      el('option', { value: '', text: t('serve.plan.none') }),
      ...a.eligible.map(s => el('option', { value: s, text: soldierName(s) })));
    lead.value = a.lead || '';
    lead.addEventListener('focus', () => annotateOptions(a.id, lead), { once: true });
    lead.addEventListener('change', () => move(a.id, lead.value || null, null));
    const effort = el('select', { 'aria-label': t('serve.col.effort'), disabled: !a.lead, dataset: { account: a.id, role: 'effort' } },
      ...p.effortNames.map(n => el('option', { value: n, text: t('serve.effort.' + n) === 'serve.effort.' + n ? n : t('serve.effort.' + n) })));
    effort.value = a.effortName || p.effortNames[p.standardEffort];
    effort.addEventListener('change', () => move(a.id, a.lead, effort.value));
    const lock = el('input', { type: 'checkbox', 'aria-label': t('serve.col.lock'), disabled: !a.lead, dataset: { account: a.id, role: 'lock' } });
    lock.checked = !!S.locks[a.id];
    lock.addEventListener('change', () => {
      if (lock.checked && a.lead) S.locks[a.id] = { soldier: a.lead, effort: a.effortName };
      else delete S.locks[a.id];
      store.put('kam.locks', S.locks);
      tr.classList.toggle('locked', lock.checked);
    });
    const tr = el('tr', { id: 'row-' + a.id, class: (S.locks[a.id] ? 'locked ' : '') + (S.lastChange && S.lastChange.account.id === a.id ? 'changed' : '') },
      el('td', null, lock),
      el('td', null, a.name, el('span', { class: 'id', text: a.id })),
      el('td', { text: a.rating + 'A' }),
      el('td', { text: a.owner ? soldierName(a.owner) : '–' }),
      el('td', null, lead, a.moved ? el('span', { class: 'tag moved', text: a.lead ? t('serve.plan.movedTag') : t('serve.plan.droppedTag') }) : null),
      el('td', null, effort),
      el('td', { class: 'num', text: a.lead ? fmt.int(a.hours) : '–' }),
      el('td', { class: 'num', text: a.lead ? fmt.money(a.value) : '–' }),
      el('td', { class: 'reason', text: a.reason || '' }));
    return tr;
  }

  async function annotateOptions(id, select) {
    try {
      const r = await api('/api/plan/options', { account: id });
      const best = {};
      for (const o of r.options) {
        const k = o.soldier || '';
        if (!(k in best) || o.delta > best[k].delta) best[k] = o;
      }
      for (const opt of select.options) {
        const o = best[opt.value];
        if (!o || o.current) continue;
        opt.textContent = (opt.value ? soldierName(opt.value) : t('serve.plan.none')) + '  ' + fmt.moneyDelta(o.delta)
          + (o.breaksRules ? ' ⚠' : '');
      }
    } catch (e) { /* the plain list still works */ }
  }

  async function move(id, soldier, effort) {
    const t0 = performance.now();
    let r;
    try {
      r = await api('/api/plan/move', { account: id, soldier, effort });
    } catch (e) {
      showError(e);
      renderPlanTable();
      return;
    }
    hideError();
    const p = S.plan;
    const i = p.accounts.findIndex(a => a.id === id);
    const old = p.accounts[i];
    p.accounts[i] = Object.assign({}, old, r.account, { eligible: old.eligible, reason: r.account.lead ? t('serve.plan.editedReason') : t('serve.plan.uncoveredReason') });
    for (const k of ['objective', 'score', 'hard', 'medium', 'feasible', 'accountsMoved', 'accountsDropped', 'covered', 'soldiers', 'broken', 'revision', 'undo']) p[k] = r[k];
    if (S.locks[id]) {
      if (r.account.lead) S.locks[id] = { soldier: r.account.lead, effort: r.account.effortName };
      else delete S.locks[id];
      store.put('kam.locks', S.locks);
    }
    const previous = S.lastChange && S.lastChange.account.id;
    S.lastChange = r;
    S.sim = null;
    renderPlanCards();
    for (const id2 of [previous, id]) {
      const row = id2 && $('row-' + id2);
      const a = id2 && p.accounts.find(x => x.id === id2);
      if (row && a) row.replaceWith(planRow(a));
    }
    renderSoldiers();
    renderChange();
    toast(t('serve.plan.toast', fmt.moneyDelta(r.delta), fmt.money(r.objective)));
    requestAnimationFrame(() => {
      const ms = performance.now() - t0;
      window.kamPerf.moves.push({ ms, server: r.millis });
      window.kamPerf.moveSeq++;
      document.body.dataset.moveSeq = String(window.kamPerf.moveSeq);
    });
  }

  function why(j) {
    const f = j.fields || {};
    const m = v => fmt.money(v / 100);
    switch (j.kind) {
      case 'LeadValue': return t('serve.why.LeadValue', soldierName(f.soldierId), m(f.cents));
      case 'OfferValue': return t('serve.why.OfferValue', f.productId, m(f.cents));
      case 'OverCapacity': return t('serve.why.OverCapacity', soldierName(f.soldierId), fmt.int(f.hours), fmt.int(f.capacity));
      case 'Ineligible': return t('serve.why.Ineligible', soldierName(f.soldierId), f.accountId);
      case 'TooManyAccounts': return t('serve.why.TooManyAccounts', soldierName(f.soldierId), fmt.int(f.accounts), fmt.int(f.cap));
      case 'ProductOverCapacity': return t('serve.why.ProductOverCapacity', f.productId, fmt.int(f.offered), fmt.int(f.capacity));
      case 'ProductUnsuited': return t('serve.why.ProductUnsuited', f.productId, f.accountId);
      case 'ProductToUncovered': return t('serve.why.ProductToUncovered', f.productId, f.accountId);
      case 'TooManyProducts': return t('serve.why.TooManyProducts', f.accountId, fmt.int(f.offered), fmt.int(f.cap));
      case 'MustCoverUncovered': return t('serve.why.MustCoverUncovered', f.accountId);
      default: return j.constraint + ': ' + JSON.stringify(f);
    }
  }

  function renderChange() {
    const box = $('pl-change');
    const r = S.lastChange;
    const p = S.plan;
    if (!r && !p.broken.length && !S.lastAssign) { box.hidden = true; return; }
    clear(box).hidden = false;
    if (S.lastAssign) {
      const a = S.lastAssign;
      box.append(el('div', { class: 'delta', text: t(a.cancelled ? 'serve.plan.stopped' : 'serve.plan.reoptimized', fmt.money(a.objective), fmt.num(a.seconds, 1)) }),
        el('div', { text: t('serve.plan.reoptimizedSub', fmt.int(a.accountsMoved), fmt.int(Object.keys(a.locks || {}).length), fmt.moneyDelta(a.objective - a.baselineObjective)) }));
      if (a.gapPercent != null) box.append(el('div', { text: t('serve.plan.gap', fmt.num(a.gapPercent, 2)) }));
    }
    if (r) {
      const acc = r.account;
      box.append(el('div', { class: 'delta', id: 'pl-delta', dataset: { delta: String(r.delta) },
        text: t('serve.plan.changeTitle', acc.name, soldierName(acc.lead), acc.effortName ? t('serve.effort.' + acc.effortName) : '', fmt.moneyDelta(r.delta)) }),
      el('div', { text: t('serve.plan.changeSub', fmt.money(r.objective)) }));
      const items = r.why.map(j => el('li', { class: j.level === 'hard' ? 'hard' : null, text: why(j) }));
      if (r.withdrawn.length) items.push(el('li', { text: t('serve.plan.withdrawn', r.withdrawn.join(', ')) }));
      if (items.length) box.append(el('ul', { id: 'pl-why' }, items));
    }
    if (p.broken.length) {
      box.append(el('div', { class: 'title', text: t('serve.plan.brokenTitle') }),
        el('ul', { id: 'pl-broken' }, p.broken.map(j => el('li', { class: 'hard', text: why(j) }))));
    }
  }

  function renderSoldiers() {
    const p = S.plan;
    const table = clear($('pl-soldiers'));
    table.append(el('thead', null, el('tr', null, el('th', { text: t('serve.col.soldier') }), el('th', { text: t('serve.col.layer') }),
      el('th', { class: 'num', text: t('serve.col.stars') }), el('th', { class: 'num', text: t('serve.col.accountsLed') }),
      el('th', { class: 'num', text: t('serve.col.hours') }), el('th', { class: 'num', text: t('serve.col.capacity') }), el('th', { text: t('serve.col.load') }))));
    const body = el('tbody');
    for (const s of p.soldiers) {
      const info = p.soldierInfo.find(x => x.id === s.id) || {};
      const pct = Math.min(1, s.utilization);
      const over = s.hours > s.capacity + 1e-6;
      const bar = el('div', { class: 'progress' }, el('div', { class: 'bar' }, el('span', { style: null })),
        el('span', { class: over ? 'neg' : null, text: fmt.pct(s.utilization, 0) }));
      bar.querySelector('.bar span').style.width = (pct * 100).toFixed(1) + '%';
      bar.querySelector('.bar span').style.background = over ? '#c8342b' : '#1f5fad';
      body.append(el('tr', null, el('td', null, info.name || s.id, el('span', { class: 'id', text: s.id })),
        el('td', { text: t('serve.layer.' + info.layer) }), el('td', { class: 'num', text: info.stars }),
        el('td', { class: 'num', text: fmt.int(s.accounts) }), el('td', { class: 'num', text: fmt.int(s.hours) }),
        el('td', { class: 'num', text: fmt.int(s.capacity) }), el('td', null, bar)));
    }
    table.append(body);
  }

  function locksPayload() {
    const out = {};
    for (const [k, v] of Object.entries(S.locks)) out[k] = v;
    return out;
  }

  async function optimize() {
    const buttons = ['pl-optimize', 'pl-undo', 'pl-reset'];
    for (const b of buttons) $(b).disabled = true;
    $('pl-progress').hidden = false;
    $('pl-progress-bar').style.width = '0%';
    $('pl-progress-text').textContent = t('serve.plan.optimizing', '0', $('pl-time').value);
    let polling = true;
    const poll = async () => {
      if (!polling) return;
      try {
        const j = (await api('/api/job')).job;
        if (j && j.kind === 'assign' && j.running) {
          const frac = j.limitSeconds ? Math.min(1, j.seconds / j.limitSeconds) : 0;
          $('pl-progress-bar').style.width = (frac * 100).toFixed(0) + '%';
          $('pl-progress-text').textContent = t('serve.plan.optimizingBest', fmt.num(j.seconds, 0), fmt.num(j.limitSeconds, 0),
            j.bestObjective == null ? '–' : fmt.money(j.bestObjective));
        }
      } catch (e) { /* keep waiting */ }
      if (polling) setTimeout(poll, 500);
    };
    setTimeout(poll, 300);
    try {
      const r = await api('/api/assign', { set: S.set, locks: locksPayload(), timeLimit: $('pl-time').value });
      S.lastAssign = r;
      S.lastChange = null;
      S.sim = null;
      S.plan = await api('/api/plan');
      hideError();
      renderPlan();
    } catch (e) {
      showError(e);
    } finally {
      polling = false;
      $('pl-progress').hidden = true;
      for (const b of buttons) $(b).disabled = false;
      $('pl-undo').disabled = !(S.plan && S.plan.undo);
    }
  }

  async function undo() {
    try {
      const r = await api('/api/plan/undo', {});
      S.lastChange = r;
      S.sim = null;
      S.plan = await api('/api/plan');
      renderPlan();
    } catch (e) { showError(e); }
  }

  async function resetPlan() {
    try {
      S.plan = await api('/api/plan/reset', {});
      S.lastChange = null;
      S.lastAssign = null;
      S.sim = null;
      renderPlan();
    } catch (e) { showError(e); }
  }

  // ------------------------------------------------------------------ simulation

  let simSeq = 0;
  let simCtrl = null;
  let simTimer = null;
  let pendingPerf = null;

  function enterSim() {
    if (waitingFor('sim-waiting', 'sim-body')) return;
    buildSliders();
    buildMetricSelect();
    $('sim-paths').value = String(S.paths);
    if (!S.sim) runSim(performance.now());
    else renderSim(S.sim);
  }

  function original(key) {
    return S.status.assumptions[key];
  }

  function buildSliders() {
    const box = clear($('sim-sliders'));
    for (const s of SLIDERS) {
      const orig = original(s.key);
      const value = Object.prototype.hasOwnProperty.call(S.set, s.key) ? Number(S.set[s.key]) : orig;
      const min = Math.min(s.min, orig);
      const max = Math.max(s.max, orig);
      const v = el('span', { class: 'v' + (value !== orig ? ' changed' : ''), text: fmt.slider(s, value) });
      const input = el('input', { type: 'range', min, max, step: s.step, value, id: 'sl-' + s.code,
        'aria-label': t('serve.slider.' + s.code), dataset: { key: s.key } });
      input.value = String(value);
      input.addEventListener('input', () => {
        const x = Math.round(Number(input.value) / s.step) * s.step;
        const val = Number(x.toFixed(6));
        v.textContent = fmt.slider(s, val);
        v.classList.toggle('changed', Math.abs(val - orig) > 1e-9);
        setChanged(s.key, val, orig);
        scheduleSim(performance.now());
      });
      box.append(el('div', { class: 'slider' },
        el('div', { class: 'row' }, el('label', { for: 'sl-' + s.code, text: t('serve.slider.' + s.code) }), v),
        input,
        el('div', { class: 'help', text: t('serve.sliderHelp.' + s.code, fmt.slider(s, orig)) })));
    }
  }

  function buildMetricSelect() {
    const m = $('sim-metric');
    clear(m).append(...METRICS.map(x => el('option', { value: x, text: t('serve.metric.' + x) })));
    m.value = S.metric;
  }

  function scheduleSim(inputAt) {
    clearTimeout(simTimer);
    if (!pendingPerf) pendingPerf = { inputAt };
    simTimer = setTimeout(() => runSim(inputAt), 60);
  }

  async function runSim(inputAt) {
    const seq = ++simSeq;
    if (simCtrl) simCtrl.abort();
    simCtrl = new AbortController();
    const requestAt = performance.now();
    const sent = { set: Object.assign({}, S.set), paths: S.paths };
    $('sim-pgoal').classList.add('stale');
    try {
      const r = await api('/api/simulate', sent, simCtrl.signal);
      if (seq !== simSeq) return;
      hideError();
      S.sim = r;
      $('sim-pgoal').dataset.request = JSON.stringify(sent);
      pendingPerf = { inputAt: inputAt || requestAt, requestAt, responseAt: performance.now(), server: r.millis, seq };
      renderSim(r);
    } catch (e) {
      if (e.name === 'AbortError' || (e.data && e.data.superseded)) return;
      if (seq === simSeq) showError(e);
    }
  }

  /** A probability's 95% interval, "35.6%–37.5%" (one decimal, so a narrow interval is not rounded away). */
  function ci(lo, hi) {
    return lo == null || hi == null ? '–' : fmt.pct(lo, 1) + '–' + fmt.pct(hi, 1);
  }

  function renderSim(r) {
    const s = r.start;
    const pg = $('sim-pgoal');
    pg.textContent = fmt.pct(r.goalProbability, 1);
    pg.dataset.value = String(r.goalProbability);
    pg.classList.remove('stale');
    $('sim-ci').textContent = t('serve.sim.range', fmt.pct(r.goalProbabilityCiLow, 1), fmt.pct(r.goalProbabilityCiHigh, 1));
    $('sim-what').textContent = t('serve.sim.what', fmt.money(r.goal), r.goalYear);
    const facts = clear($('sim-facts'));
    const diff = s.difference;
    facts.append(
      el('span', { id: 'sim-diff', dataset: { value: String(diff) } }, t('serve.sim.vsStart') + ' ',
        el('b', { class: diff > 0.0005 ? 'pos' : diff < -0.0005 ? 'neg' : null, text: fmt.pts(diff) }),
        s.differenceStderr == null ? '' : ' (± ' + (s.differenceStderr * 100 * 1.96).toFixed(1) + ')'),
      el('span', null, t('serve.sim.baseline') + ' ', el('b', { id: 'sim-baseline', text: fmt.pct(r.baselineGoalProbability, 1) }),
        ' (' + ci(r.baselineGoalProbabilityCiLow, r.baselineGoalProbabilityCiHigh) + ')'),
      el('span', null, t('serve.sim.medianYear') + ' ', el('b', { text: r.medianYear == null ? t('serve.sim.notWithin') : String(r.medianYear) }),
        ' (' + t('serve.sim.baselineYear', r.baselineMedianYear == null ? t('serve.sim.notWithin') : String(r.baselineMedianYear)) + ')'),
      el('span', null, t('serve.sim.median', r.goalYear) + ' ', el('b', { text: fmt.money(r.medianFinalKaRevenue) })),
      el('span', null, t('serve.sim.allGoals') + ' ', el('b', { text: fmt.pct(r.allGoalsProbability, 1) }),
        ' (' + ci(r.allGoalsProbabilityCiLow, r.allGoalsProbabilityCiHigh) + ')'));
    if (s.crn) facts.append(el('span', { class: 'neg', text: t('serve.sim.noCrn', s.crn) }));
    if (r.plan === 'edited') facts.append(el('span', { text: t('serve.sim.editedPlan') }));
    renderFan(r);
    renderHits(r);
  }

  function renderFan(r) {
    const c = chart('ch-fan');
    if (!c) return;
    const m = S.metric;
    const f = r.fan[m];
    const years = [r.years[0] - 1].concat(r.years);
    const withToday = a => [f.today].concat(a);
    const diff = (hi, lo) => hi.map((v, i) => v - lo[i]);
    const p5 = withToday(f.p5); const p95 = withToday(f.p95); const p25 = withToday(f.p25); const p75 = withToday(f.p75);
    const startMedian = r.start.median ? [f.today].concat(r.start.median[m]) : null;
    const target = r.targets[m] ? [null].concat(r.targets[m]) : null;
    const series = [
      { name: 'p5', type: 'line', data: p5, stack: 'b90', symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      { name: t('serve.sim.band90'), type: 'line', data: diff(p95, p5), stack: 'b90', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(31,95,173,0.14)' }, itemStyle: { color: 'rgba(31,95,173,0.25)' } },
      { name: 'p25', type: 'line', data: p25, stack: 'b50', symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      { name: t('serve.sim.band50'), type: 'line', data: diff(p75, p25), stack: 'b50', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(31,95,173,0.28)' }, itemStyle: { color: 'rgba(31,95,173,0.45)' } },
      { name: t('serve.sim.middle'), type: 'line', data: withToday(f.p50), symbolSize: 5, lineStyle: { width: 2.5, color: '#1f5fad' }, itemStyle: { color: '#1f5fad' } }
    ];
    if (startMedian && Object.keys(S.set).length) {
      series.push({ name: t('serve.sim.startLine'), type: 'line', data: startMedian, symbol: 'none', lineStyle: { type: 'dashed', color: '#52606d', width: 1.5 }, itemStyle: { color: '#52606d' } });
    }
    if (target && target.some(v => v != null)) {
      series.push({ name: t('serve.sim.target'), type: 'line', data: target, symbol: 'circle', symbolSize: 5, lineStyle: { type: 'dashed', color: '#c8342b', width: 1.5 }, itemStyle: { color: '#c8342b' } });
    }
    const bands = { p5, p25, p75, p95 };
    c.setOption(Object.assign(base(), {
      legend: { top: 0, data: series.filter(s => !s.name.startsWith('p')).map(s => s.name) },
      xAxis: { type: 'category', data: years, boundaryGap: false },
      yAxis: { type: 'value', scale: m !== 'keyAccountShare', axisLabel: { formatter: v => m === 'keyAccountShare' ? fmt.pct(v, 0) : m === 'keyAccountCount' ? fmt.int(v) : fmt.compact(v) } },
      tooltip: { trigger: 'axis', formatter: ps => {
        const i = ps[0].dataIndex;
        const lines = [years[i] + (i === 0 ? ' (' + t('serve.sim.today') + ')' : '')];
        lines.push(t('serve.sim.band90') + ': ' + fmt.metric(m, bands.p5[i]) + ' – ' + fmt.metric(m, bands.p95[i]));
        lines.push(t('serve.sim.band50') + ': ' + fmt.metric(m, bands.p25[i]) + ' – ' + fmt.metric(m, bands.p75[i]));
        for (const p of ps) if (p.seriesIndex >= 4 && p.value != null) lines.push(p.seriesName + ': ' + fmt.metric(m, p.value));
        return lines.join('<br>');
      } },
      series
    }), true);
    $('sim-fan-title').textContent = t('serve.sim.fanOf', t('serve.metric.' + m));
  }

  function renderHits(r) {
    const c = chart('ch-hits');
    if (!c) return;
    c.setOption(Object.assign(base(), {
      legend: { top: 0, data: [t('serve.sim.withPlan'), t('serve.sim.withoutPlan')] },
      xAxis: { type: 'category', data: r.years },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => fmt.pct(v, 0) } },
      tooltip: { trigger: 'axis', formatter: ps => ps[0].axisValue + '<br>' + ps.map(p => p.seriesName + ': ' + fmt.pct(p.value, 0)
        + (p.seriesIndex === 0 ? ' (' + fmt.pct(r.hits[p.dataIndex].ciLow, 1) + '–' + fmt.pct(r.hits[p.dataIndex].ciHigh, 1) + ')'
          : ' (' + fmt.pct(r.hits[p.dataIndex].baselineCiLow, 1) + '–' + fmt.pct(r.hits[p.dataIndex].baselineCiHigh, 1) + ')')).join('<br>') },
      series: [{ type: 'bar', name: t('serve.sim.withPlan'), data: r.hits.map(h => h.probability), barWidth: '50%' },
        { type: 'line', name: t('serve.sim.withoutPlan'), data: r.hits.map(h => h.baseline), symbolSize: 6, itemStyle: { color: '#9aa9b8' }, lineStyle: { color: '#9aa9b8' } }]
    }), true);
  }

  function onFanFinished() {
    const p = pendingPerf;
    if (!p || p.responseAt == null) return;
    pendingPerf = null;
    const renderedAt = performance.now();
    const rec = { ms: renderedAt - p.inputAt, request: p.responseAt - p.requestAt, server: p.server, render: renderedAt - p.responseAt };
    window.kamPerf.sims.push(rec);
    window.kamPerf.simSeq++;
    document.body.dataset.simSeq = String(window.kamPerf.simSeq);
  }

  function resetSim() {
    for (const s of SLIDERS) delete S.set[s.key];
    store.put('kam.set', S.set);
    buildSliders();
    runSim(performance.now());
  }

  async function saveVariant(nameInput, optimize) {
    try {
      const r = await api('/api/variants', { name: nameInput.value || describeSet(S.set), set: S.set, optimize: !!optimize });
      S.variants = r.variants;
      nameInput.value = '';
      toast(t('serve.compare.saved'));
      if (S.page === 'compare') renderVariants();
    } catch (e) { showError(e); }
  }

  // ------------------------------------------------------------------ compare

  async function loadVariants() {
    try { S.variants = (await api('/api/variants')).variants; } catch (e) { showError(e); return; }
    renderVariants();
    if (S.compare) renderCompare();
  }

  function renderVariants() {
    const table = clear($('cmp-variants'));
    S.ticked = S.ticked || new Set(['start']);
    table.append(el('thead', null, el('tr', null, el('th', { text: '' }), el('th', { text: t('serve.compare.name') }),
      el('th', { text: t('serve.compare.changes') }), el('th', { text: t('serve.compare.plan') }), el('th', { text: '' }))));
    const body = el('tbody');
    for (const v of S.variants) {
      const box = el('input', { type: 'checkbox', dataset: { variant: v.id }, 'aria-label': v.name });
      box.checked = S.ticked.has(v.id);
      box.addEventListener('change', () => { if (box.checked) S.ticked.add(v.id); else S.ticked.delete(v.id); });
      const del = v.fixed ? null : el('button', { type: 'button', class: 'link', text: t('serve.compare.delete'), onclick: async () => {
        try { S.variants = (await api('/api/variants/delete', { id: v.id })).variants; S.ticked.delete(v.id); renderVariants(); } catch (e) { showError(e); }
      } });
      const first = S.variants[0] || {};
      const changes = [v.file !== first.file ? v.file : null, Object.keys(v.set).length ? describeSet(v.set) : null]
        .filter(Boolean).join(' · ') || t('serve.compare.asLoaded');
      const plan = v.optimize ? t('serve.compare.planMode.optimize') : t('serve.compare.planMode.keep', t('serve.planLabel.' + v.plan));
      body.append(el('tr', null, el('td', null, box), el('td', { text: v.name }), el('td', { class: 'reason', text: changes }),
        el('td', { text: plan }), el('td', null, del)));
    }
    table.append(body);
  }

  async function runCompare() {
    const ids = S.variants.filter(v => S.ticked.has(v.id)).map(v => v.id);
    $('cmp-run').disabled = true;
    $('cmp-progress').hidden = false;
    $('cmp-progress-text').textContent = t('serve.compare.working');
    let polling = true;
    const poll = async () => {
      if (!polling) return;
      try {
        const j = (await api('/api/job')).job;
        if (j && j.kind === 'compare' && j.running) $('cmp-progress-text').textContent = t('serve.compare.step', j.step, fmt.num(j.seconds, 0));
      } catch (e) { /* keep waiting */ }
      if (polling) setTimeout(poll, 700);
    };
    setTimeout(poll, 400);
    try {
      S.compare = await api('/api/compare', { variants: ids, paths: Number($('cmp-paths').value) });
      hideError();
      renderCompare();
    } catch (e) {
      if (e.status !== 409) showError(e);
    } finally {
      polling = false;
      $('cmp-run').disabled = false;
      $('cmp-progress').hidden = true;
    }
  }

  /** How a compared variant's plan was obtained, in the page's words. */
  function planWords(row) {
    const v = S.variants.find(x => x.id === row.id);
    if (!v) return row.planNote;
    return v.optimize ? t('serve.compare.planMode.optimize') : t('serve.compare.planMode.keep', t('serve.planLabel.' + v.plan));
  }

  function renderCompare() {
    const r = S.compare;
    $('cmp-result').hidden = false;
    const table = clear($('cmp-table'));
    table.append(el('thead', null, el('tr', null, ...['name', 'chance', 'chanceBaseline', 'vsFirst', 'median', 'range', 'medianYear', 'medianYearBaseline', 'planNote']
      .map((k, i) => el('th', { class: i && i < 8 ? 'num' : null, text: t('serve.compare.col.' + k, r.years[r.years.length - 1]) })))));
    const body = el('tbody');
    for (const v of r.variants) {
      const d = v.difference;
      body.append(el('tr', { dataset: { variant: v.id } }, el('td', { text: v.name }),
        el('td', { class: 'num' }, el('b', { text: fmt.pct(v.goalProbability, 1) }), ' (' + fmt.pct(v.ciLow, 1) + '–' + fmt.pct(v.ciHigh, 1) + ')'),
        el('td', { class: 'num' }, el('b', { text: fmt.pct(v.baselineGoalProbability, 1) }), ' (' + ci(v.baselineCiLow, v.baselineCiHigh) + ')'),
        el('td', { class: 'num', text: d ? fmt.pts(d.goalProbability) + ' (± ' + (d.stderr * 196).toFixed(1) + ')' : t('serve.compare.reference') }),
        el('td', { class: 'num', text: fmt.money(v.medianFinalKaRevenue) }),
        el('td', { class: 'num', text: fmt.money(v.p10FinalKaRevenue) + ' – ' + fmt.money(v.p90FinalKaRevenue) }),
        el('td', { class: 'num', text: v.medianYear == null ? t('serve.sim.notWithin') : String(v.medianYear) }),
        el('td', { class: 'num', text: v.baselineMedianYear == null ? t('serve.sim.notWithin') : String(v.baselineMedianYear) }),
        el('td', { class: 'reason', text: planWords(v) + (v.crn.full ? '' : ' · ' + t('serve.compare.noCrn', v.crn.detail)) })));
    }
    table.append(body);
    const cp = chart('ch-cmp-p');
    if (cp) {
      cp.setOption(Object.assign(base(), {
        xAxis: { type: 'category', data: r.variants.map(v => v.name), axisLabel: { interval: 0, overflow: 'truncate', width: 110 } },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => fmt.pct(v, 0) } },
        tooltip: { trigger: 'axis', formatter: ps => { const v = r.variants[ps[0].dataIndex]; return v.name + '<br>' + fmt.pct(v.goalProbability, 1) + ' (' + fmt.pct(v.ciLow, 1) + '–' + fmt.pct(v.ciHigh, 1) + ')'; } },
        series: [{ type: 'bar', data: r.variants.map((v, i) => ({ value: v.goalProbability, itemStyle: { color: COLORS[i % COLORS.length] } })), barWidth: '45%',
          label: { show: true, position: 'top', formatter: p => fmt.pct(p.value, 0) } }]
      }), true);
    }
    const cm = chart('ch-cmp-median');
    if (cm) {
      cm.setOption(Object.assign(base(), {
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: r.years },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => fmt.compact(v) } },
        tooltip: { trigger: 'axis', formatter: ps => ps[0].axisValue + '<br>' + ps.map(p => p.seriesName + ': ' + fmt.money(p.value)).join('<br>') },
        series: r.variants.map(v => ({ type: 'line', name: v.name, data: v.medianKaRevenue, symbolSize: 5 }))
      }), true);
    }
  }

  // ------------------------------------------------------------------ downloads

  async function enterDownloads() {
    if (!$('dl-folder').value) {
      try { $('dl-folder').value = (await api('/api/save')).folder; } catch (e) { /* leave empty */ }
    }
  }

  async function makeDownloads() {
    $('dl-make').disabled = true;
    $('dl-progress').hidden = false;
    try {
      const r = await api('/api/downloads', { set: S.set, lang: S.lang });
      const list = clear($('dl-list'));
      const projects = r.files.filter(f => f.name.startsWith('projects/'));
      for (const f of r.files.filter(x => !x.name.startsWith('projects/'))) {
        const a = el('a', { href: f.url, text: f.name });
        if (f.name.endsWith('.html')) { a.target = '_blank'; a.rel = 'noopener'; } else a.setAttribute('download', f.name.split('/').pop());
        list.append(el('li', null, a, el('span', { class: 'size', text: fmt.num(f.bytes / 1024, 0) + ' KB' })));
      }
      if (projects.length) list.append(el('li', { text: t('serve.dl.projects', fmt.int(projects.length)) }));
      hideError();
    } catch (e) {
      showError(e);
    } finally {
      $('dl-make').disabled = false;
      $('dl-progress').hidden = true;
    }
  }

  async function saveAs() {
    const box = $('dl-saved');
    try {
      const r = await api('/api/save', { folder: $('dl-folder').value, set: S.set, plan: $('dl-plan').checked });
      box.className = 'banner';
      box.textContent = t('serve.dl.saved', r.folder);
      box.hidden = false;
      $('dl-folder').value = '';
      enterDownloads();
    } catch (e) {
      showError(e, box);
    }
  }

  // ------------------------------------------------------------------ start

  async function start() {
    if (location.search.includes('token=')) history.replaceState(null, '', location.pathname + location.hash);
    if (document.fonts && document.fonts.load) {
      // the charts draw on canvases, which use only fonts already loaded
      try { await document.fonts.load('14px "kam-cjk"', '中文'); } catch (e) { /* the system's fonts draw */ }
    }
    for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => switchLang(b.dataset.lang));
    $('status-stop').addEventListener('click', async () => { try { await api('/api/job/cancel', {}); } catch (e) { showError(e); } });
    $('ov-filter').addEventListener('change', () => { S.ovRows = ROWS; renderOverviewTable(); });
    $('ov-search').addEventListener('input', () => { S.ovRows = ROWS; renderOverviewTable(); });
    $('tg-apply').addEventListener('click', applyTargets);
    $('tg-reset').addEventListener('click', resetTargets);
    $('tg-year').addEventListener('change', renderDepartments);
    $('pl-filter').addEventListener('change', () => { S.plRows = ROWS; renderPlanTable(); });
    $('pl-search').addEventListener('input', () => { S.plRows = ROWS; renderPlanTable(); });
    $('pl-optimize').addEventListener('click', optimize);
    $('pl-cancel').addEventListener('click', async () => { try { await api('/api/job/cancel', {}); } catch (e) { showError(e); } });
    $('pl-undo').addEventListener('click', undo);
    $('pl-reset').addEventListener('click', resetPlan);
    $('sim-paths').addEventListener('change', () => { S.paths = Number($('sim-paths').value); store.put('kam.paths', S.paths); runSim(performance.now()); });
    $('sim-metric').addEventListener('change', () => { S.metric = $('sim-metric').value; if (S.sim) renderFan(S.sim); });
    $('sim-reset').addEventListener('click', resetSim);
    $('sim-variant-save').addEventListener('click', () => saveVariant($('sim-variant-name'), false));
    $('cmp-variant-save').addEventListener('click', () => saveVariant($('cmp-variant-name'), $('cmp-variant-optimize').checked));
    $('cmp-run').addEventListener('click', runCompare);
    $('cmp-cancel').addEventListener('click', async () => { try { await api('/api/job/cancel', {}); } catch (e) { showError(e); } });
    $('dl-make').addEventListener('click', makeDownloads);
    $('dl-save').addEventListener('click', saveAs);
    window.addEventListener('resize', () => { for (const c of Object.values(S.charts)) c.resize(); });
    window.addEventListener('hashchange', route);
    try {
      await loadWords();
    } catch (e) {
      showError(e);
      return;
    }
    await pollStatus();
    route();
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
})();
