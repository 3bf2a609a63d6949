// The event browser's page: reads the JSON API beside it and renders it. Everything the API
// returns is data, never markup: it reaches the page only through textContent and attribute
// values, so an event whose state holds "<script>" shows exactly that text.
'use strict';

const API = new URL('api/', document.currentScript.src);
const GUARD_HEADER = 'X-Eventsourcing-Browser';
let me = { name: '', operator: false };

function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
        if (child === null || child === undefined) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

function link(text, hash, className) {
    const a = el('a', className, text);
    a.setAttribute('href', hash);
    return a;
}

function badge(status) {
    return el('span', 'badge ' + String(status).replace(/[^a-z_]/g, ''), String(status).replace('_', ' '));
}

const NUMERIC = new Set(['Id', 'Version', 'Position', 'Lag', 'Behind for', 'Parked', 'Attempts', 'Notifications', 'Section size']);

function table(headings, rows, name) {
    const t = el('table');
    t.dataset.view = name;
    const head = el('tr');
    headings.forEach(h => head.append(el('th', NUMERIC.has(h) ? 'num' : null, h)));
    t.append(el('thead', null, head));
    const body = el('tbody');
    rows.forEach(r => body.append(r));
    t.append(body);
    return t;
}

function row(...cells) {
    const tr = el('tr');
    cells.forEach(c => tr.append(c instanceof HTMLTableCellElement ? c : el('td', null, c)));
    return tr;
}

function cell(className, ...children) {
    return el('td', className, ...children);
}

function path(...segments) {
    return segments.map(encodeURIComponent).join('/');
}

async function api(resource, options) {
    const response = await fetch(new URL(resource, API), Object.assign({ credentials: 'same-origin', cache: 'no-store' }, options));
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON: answered below */ }
    if (!response.ok) {
        const message = body && body.message ? body.message : 'The server answered ' + response.status;
        throw new Error(message);
    }
    return body;
}

function show(...nodes) {
    const content = document.getElementById('content');
    content.replaceChildren(...nodes);
}

function say(text, kind) {
    const message = document.getElementById('message');
    message.textContent = text;
    message.className = kind;
    message.hidden = !text;
}

// 2026-12-04 17:02:51.738 UTC from 2026-12-04T17:02:51.738168639Z; the full value stays in the tooltip.
function time(instant) {
    const td = cell('time', instant ? instant.replace('T', ' ').replace(/(\.\d{3})\d*/, '$1').replace('Z', ' UTC') : '');
    if (instant) td.title = instant;
    return td;
}

function stateOf(event) {
    if (event.status === 'decoded') return el('pre', 'state', JSON.stringify(event.state, null, 2));
    const node = el('div', null, badge(event.status));
    if (event.problem) node.title = event.problem;
    return node;
}

async function overview() {
    const applications = await api('applications');
    show(el('h1', null, 'Applications'),
        el('p', 'quiet', 'The applications of this deployment. Open one to page through its notification log.'),
        table(['Application', 'Notifications', 'Section size'], applications.map(a => row(
            cell(null, link(a.name, '#/log/' + path(a.name, 1))), cell('num', a.lastId), cell('num', a.sectionSize))),
        'applications'));
}

// A one-field form whose submission goes to the address made of the trimmed field.
function inputForm(className, name, placeholder, value, button, hashOf) {
    const form = el('form', className);
    const input = el('input');
    input.name = name;
    input.placeholder = placeholder;
    input.value = value || '';
    form.append(input, el('button', null, button));
    form.addEventListener('submit', event => {
        event.preventDefault();
        location.hash = hashOf(input.value.trim());
    });
    return form;
}

function findForm(application, value) {
    return inputForm('find', 'id', 'aggregate id (UUID)', value, 'Show history',
        id => '#/aggregate/' + path(application, id));
}

// The address of a page of the log: #/log/Bank/1, #/log/Bank/1/20, with ?topics=a,b when filtered.
function logHash(application, start, limit, topics) {
    return '#/log/' + (limit ? path(application, start, limit) : path(application, start))
        + (topics ? '?topics=' + encodeURIComponent(topics) : '');
}

// Keeps the page to some topics, from the same start: the event column's tooltip shows each
// notification's topic.
function topicsForm(application, start, limit, topics) {
    return inputForm('find topics', 'topics', 'topics, separated by commas', topics, 'Filter',
        value => logHash(application, start, limit, value));
}

function pager(page, limit, topics) {
    const nav = el('div', 'pager');
    const to = start => link('', logHash(page.application, start, limit, topics));
    const step = (text, start, id) => {
        if (start === null || start === undefined) return el('span', 'off', text);
        const a = to(start);
        a.textContent = text;
        a.id = id;
        return a;
    };
    const first = page.items.length ? page.items[0].id : page.start;
    const last = page.items.length ? page.items[page.items.length - 1].id : page.start;
    const lastPage = Math.max(1, page.lastId - page.limit + 1);
    nav.append(step('« First', page.start > 1 ? 1 : null, 'first-page'), step('‹ Previous', page.previous, 'previous-page'),
        el('span', 'where', page.items.length ? 'ids ' + first + '–' + last + ' of ' + page.lastId : 'no notifications here'),
        step('Next ›', page.next, 'next-page'), step('Last »', page.start < lastPage ? lastPage : null, 'last-page'));
    return nav;
}

// The page size is the log's section size, or the smaller one the address names (#/log/Bank/1/20).
// With topics, a page holds the notifications of those topics within the same window of ids.
async function log(application, start, limit, topics) {
    const page = await api(path('applications', application, 'notifications') + '?start=' + encodeURIComponent(start)
        + (limit ? '&limit=' + encodeURIComponent(limit) : '') + (topics ? '&topics=' + encodeURIComponent(topics) : ''));
    show(el('h1', null, 'Notification log of ' + page.application), findForm(page.application),
        topicsForm(page.application, page.start, limit, topics), pager(page, limit, topics),
        table(['Id', 'Originator', 'Version', 'Event', 'Time', 'State'], page.items.map(n => row(
            cell('num', n.id),
            cell('id', link(n.originatorId, '#/aggregate/' + path(page.application, n.originatorId))),
            cell('num', n.originatorVersion), eventCell(n), time(n.timestamp), cell(null, stateOf(n)))),
        'log'));
}

function eventCell(event) {
    const td = cell(null, event.type || event.topic);
    td.title = event.topic;
    return td;
}

async function history(application, id) {
    const history = await api(path('applications', application, 'aggregates', id));
    show(el('h1', null, 'Aggregate ', el('span', 'id', history.id)),
        el('p', 'quiet', 'Its events in ' + history.application + ', each with the change it made.'),
        findForm(history.application, history.id),
        table(['Version', 'Event', 'Time', 'State change'], history.events.map(e => row(
            cell('num', e.version), eventCell(e), time(e.timestamp), cell(null, stateOf(e)))), 'history'));
}

function seconds(value) {
    return value < 60 ? value.toFixed(1) + ' s' : Math.floor(value / 60) + ' min ' + Math.round(value % 60) + ' s';
}

async function readers() {
    const statuses = await api('readers');
    show(el('h1', null, 'Readers'),
        el('p', 'quiet', 'Projections and process applications, with how far each has read each log it follows.'),
        table(['Reader', 'Follows', 'Position', 'Lag', 'Behind for', 'Status', 'Worker', 'Parked', 'Last failure'], statuses.map(s => row(
            s.reader, s.upstream, cell('num', s.position), cell('num', s.lag),
            cell('num', s.lag > 0 ? seconds(s.lagSeconds) : ''), cell(null, badge(s.status)), cell('quiet', s.activity),
            cell('num', s.parked),
            cell('error-text', s.failure ? s.failure + (s.failedAt ? ' (' + s.failedAt + ', ' + s.attempts + ' attempts)' : '') : ''))),
        'readers'));
}

async function parked(status) {
    const list = await api('parked?status=' + encodeURIComponent(status) + '&limit=200');
    const choose = el('select');
    ['parked', 'retried', 'skipped', 'all'].forEach(s => {
        const option = el('option', null, s);
        option.value = s;
        option.selected = s === status;
        choose.append(option);
    });
    choose.addEventListener('change', () => { location.hash = '#/parked/' + choose.value; });
    const headings = ['Reader', 'Log', 'Id', 'Originator', 'Event', 'Error', 'Attempts', 'Parked at', 'Status'];
    if (me.operator) headings.push('Action');
    show(el('h1', null, 'Parked notifications'),
        el('div', 'toolbar', el('span', 'quiet', 'Show'), choose),
        list.length ? table(headings, list.map(parkedRow), 'parked') : el('p', 'quiet', 'None.'));
}

// The first block of a UUID, the whole one in the tooltip: the parked table has much else to show.
function shortId(id, hash) {
    const a = link(id.substring(0, 8) + '…', hash);
    a.title = id;
    return a;
}

function parkedRow(p) {
    const tr = row(p.reader, p.upstream, cell('num', p.notificationId),
        cell('id', shortId(p.originatorId, '#/aggregate/' + path(p.upstream, p.originatorId))),
        cell(null, p.topic.substring(p.topic.lastIndexOf('.') + 1).replace('$', '.')),
        cell('error-text', p.error + (p.behind ? ' (waits behind ' + p.behind + ')' : '')),
        cell('num', p.attempts), time(p.parkedAt), cell(null, badge(p.status)));
    tr.dataset.id = String(p.notificationId);
    if (me.operator) {
        const actions = cell('actions');
        if (p.status === 'parked') {
            actions.append(action(p, 'retry', 'Retry'), action(p, 'skip', 'Skip'));
        }
        tr.append(actions);
    }
    return tr;
}

function action(p, verb, text) {
    const button = el('button', verb, text);
    button.type = 'button';
    button.addEventListener('click', async () => {
        button.disabled = true;
        try {
            const result = await api(path('parked', p.reader, p.upstream, p.notificationId, verb),
                { method: 'POST', headers: { [GUARD_HEADER]: '1' } });
            say(verb === 'retry' ? 'Retried notification ' + p.notificationId + ': ' + result.retried + ' processed.'
                : 'Skipped notification ' + p.notificationId + '.', 'ok');
        } catch (e) {
            say(e.message, 'error');
        }
        await route();
    });
    return button;
}

function markCurrent(hash) {
    document.querySelectorAll('header a').forEach(a => {
        const target = a.getAttribute('href');
        a.classList.toggle('current', target !== '#/' && (hash === target || hash.startsWith(target.replace(/1$/, ''))));
    });
}

async function route() {
    const hash = location.hash || '#/';
    markCurrent(hash);
    try {
        const query = hash.indexOf('?');
        const parts = hash.substring(2, query < 0 ? hash.length : query).split('/').map(decodeURIComponent);
        const topics = query < 0 ? '' : new URLSearchParams(hash.substring(query + 1)).get('topics') || '';
        if (parts[0] === 'log') await log(parts[1], parts[2] || '1', parts[3], topics);
        else if (parts[0] === 'aggregate') await history(parts[1], parts[2]);
        else if (parts[0] === 'readers') await readers();
        else if (parts[0] === 'parked') await parked(parts[1] || 'parked');
        else await overview();
    } catch (e) {
        show(el('p', 'error-text', e.message));
    }
    document.body.dataset.loaded = hash;
}

async function start() {
    try {
        me = await api('me');
        document.getElementById('user').textContent = me.name + (me.operator ? ' · may retry and skip' : ' · read only');
        const applications = await api('applications');
        document.getElementById('applications').replaceChildren(
            ...applications.map(a => link(a.name, '#/log/' + path(a.name, 1))));
    } catch (e) {
        say(e.message, 'error');
    }
    window.addEventListener('hashchange', () => { say('', ''); route(); });
    await route();
}

start();
