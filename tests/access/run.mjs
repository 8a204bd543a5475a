// The access matrix: every entity of the metadata × every scope of a role × every
// action × every relation of a record to the caller, against the real API, each outcome
// held against a model of DESIGN §6 written here independently of the server.
//   node tests/access/run.mjs --binary build-test/atrium --database sqlite|postgresql [--pg-dir DIR]
//
// The caller is `rep`: in team T1 with `mate`; `junior` reports to rep; `outsider` is in
// no team. Scope attributes: rep has one value of each (areas: north, …). Records are
// made by each of them, in and out of rep's attribute values; a child entity's records
// also hang under a parent that is out of rep's scope.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Report } from '../lib/report.mjs';
import { binary, option, root } from '../lib/options.mjs';
import { startServer } from '../lib/server.mjs';

const backend = option('database', 'sqlite');
const report = new Report(`[${backend}] `);
const PASSWORD = 'matrix-Passphrase-7391';

function databaseUrl() {
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-access-'));
    return { url: `sqlite:${path.join(dir, 'access.db')}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = execFileSync(path.join(root, 'scripts/pg-test-server'), ['createdb', option('pg-dir'), `access_${process.pid}`])
    .toString().trim();
  return { url, cleanup: () => {} };
}

const database = databaseUrl();
// The demo's administrator and picklists, without records.
execFileSync(binary, ['demo', '--database', database.url, '--users', '0', '--accounts', '0', '--contacts', '0',
  '--products', '0']);
const server = await startServer(binary, database.url, ['--no-demo']);
const base = `http://127.0.0.1:${server.port}`;

class Client {
  static async login(username) {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: username === 'demo' ? 'atrium-demo-2026' : PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.get('set-cookie').split(';')[0];
    return new Client(cookie, (await response.json()).csrf_token);
  }
  constructor(cookie, csrf) { this.cookie = cookie; this.csrf = csrf; }
  async call(method, url, body) {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: response.status, body: json };
  }
  // An attachment is made by uploading its file, not by a JSON create.
  async upload(parent, fileName, text) {
    const query = new URLSearchParams({ parent_type: parent.entity, parent_id: parent.id, file_name: fileName });
    const response = await fetch(`${base}/api/v1/attachment-files?${query}`, {
      method: 'POST', headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrf, 'Content-Type': 'text/plain' }, body: text,
    });
    const answer = await response.json();
    if (response.status !== 201) throw new Error(`upload ${fileName}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }
  async ok(method, url, body) {
    const answer = await this.call(method, url, body);
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

const failures = [];
let checks = 0;
function expect(name, actual, expected) {
  checks += 1;
  const same = JSON.stringify(actual) === JSON.stringify(expected);
  if (!same) failures.push(`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  return same;
}

try {
  const admin = await Client.login('demo');
  const metadata = await admin.ok('GET', '/api/v1/metadata');
  const attributes = (await admin.ok('GET', '/api/v1/scope-attributes')).data;
  const byPicklist = new Map(attributes.map((a) => [a.picklist, a.name]));
  const entities = metadata.entities;
  const entityByName = new Map(entities.map((e) => [e.name, e]));
  // The demo's approval rules (special prices, credit limits) would start approvals of
  // their own while the matrix writes records: the approvals below are the matrix's only.
  for (const rule of (await admin.ok('GET', '/api/v1/approval-rules')).data) {
    await admin.ok('PATCH', `/api/v1/approval-rules/${rule.id}`, { active: false, version: rule.version });
  }

  // --- people ---------------------------------------------------------------------------
  const team = await admin.ok('POST', '/api/v1/teams', { name: 'T1' });
  const users = {};
  for (const username of ['rep', 'mate', 'junior', 'outsider']) {
    users[username] = await admin.ok('POST', '/api/v1/users', { username, password: PASSWORD, name: username });
  }
  // rep holds the first value of every scope attribute's picklist; "out" records take the second.
  const repValues = {};
  for (const attribute of attributes) {
    const values = metadata.picklists[attribute.picklist] ?? [];
    if (values.length === 0) continue;
    repValues[attribute.name] = [values[0].key];
  }
  await admin.ok('PATCH', `/api/v1/users/${users.rep.id}`, { teams: [team.id], attributes: repValues });
  await admin.ok('PATCH', `/api/v1/users/${users.mate.id}`, { teams: [team.id] });
  await admin.ok('PATCH', `/api/v1/users/${users.junior.id}`, { manager_id: users.rep.id });

  // The scope field of an entity's rule: its first enum drawn from a scope attribute's picklist.
  // The area where there is one, as a sales organisation would scope.
  const scopeField = (entity) => entity.fields.find((f) => f.type === 'enum' && f.picklist === 'areas')
    ?? entity.fields.find((f) => f.type === 'enum' && byPicklist.has(f.picklist));
  const ruleOf = (entity) => {
    const field = scopeField(entity);
    return field ? `${field.name} in user.${byPicklist.get(field.picklist)}` : 'owner_id eq user.id';
  };
  const roleBody = (name, scope, actions = ['create', 'read', 'edit', 'delete']) => ({
    name,
    rights: entities.flatMap((entity) => actions.map((action) => ({
      entity: entity.name, action, scope, ...(scope === 'rule' ? { rule: ruleOf(entity) } : {}),
    }))),
  });
  const roles = {};
  for (const scope of ['all', 'team', 'own', 'rule']) roles[scope] = await admin.ok('POST', '/api/v1/roles', roleBody(`matrix-${scope}`, scope));
  roles.none = await admin.ok('POST', '/api/v1/roles', { name: 'matrix-none' });
  // Every maker may create anything while the records are made.
  for (const username of Object.keys(users)) {
    await admin.ok('PATCH', `/api/v1/users/${users[username].id}`, { roles: ['matrix-all'] });
  }
  const clients = {};
  for (const username of Object.keys(users)) clients[username] = await Client.login(username);

  // --- records --------------------------------------------------------------------------
  // Each record: who made it, whether its scope field holds rep's value, its parent.
  let serial = 0;
  const made = []; // {entity, id, maker, inside, parent, token}
  async function make(entity, maker, inside, parentRecord) {
    serial += 1;
    const token = `mx${serial}q${process.pid}`;
    // Optional values other records need: a quotation line is priced from its product.
    const body = entity.name === 'product' ? { list_price: { amount: '1', currency: 'EUR' } } : {};
    let extra = null;
    if (standsOnLaterState[entity.name]) {
      const prepared = await standsOnLaterState[entity.name](maker, inside, parentRecord);
      Object.assign(body, prepared.body);
      parentRecord = prepared.parent;
      extra = prepared.extra ?? null;
    }
    for (const field of entity.fields) {
      if (field.read_only || field.numbered) continue;
      if (body[field.name] !== undefined) continue;
      const isScope = field === scopeField(entity);
      if (isScope) {
        const values = metadata.picklists[field.picklist];
        body[field.name] = values[inside ? 0 : 1].key;
        continue;
      }
      // A parent of several entities hangs under a record of the first it allows.
      if (field.type === 'parent') {
        if (!parentRecord) parentRecord = await make(entityByName.get(field.entities[0]), maker, inside);
        body[field.name] = { entity: parentRecord.entity.name, id: parentRecord.id };
        continue;
      }
      if (field.type === 'link' && field.entity && (field.required || (parentRecord && field.entity === parentRecord.entity.name))) {
        if (parentRecord && field.entity === parentRecord.entity.name) {
          body[field.name] = parentRecord.id;
        } else {
          const linked = await make(entityByName.get(field.entity), maker, inside);
          body[field.name] = linked.id;
          if (field.field === entity.access_parent) parentRecord = linked;
        }
        continue;
      }
      if (!field.required && !(field.searchable && field.type === 'text' && field.name === entity.title_field)) continue;
      // A required field with a default (a currency code) takes its default.
      if (field.default !== undefined && field.name !== entity.title_field) continue;
      switch (field.type) {
        case 'text': body[field.name] = field.unique ? `${token}-${field.name}` : `${token} ${field.name}`; break;
        case 'long_text': body[field.name] = `${token} ${field.name}`; break;
        case 'email': body[field.name] = `${token}@example.com`; break;
        case 'enum': body[field.name] = (field.values ?? metadata.picklists[field.picklist])[0].key; break;
        case 'integer': case 'decimal': case 'percent': body[field.name] = 1; break;
        case 'boolean': body[field.name] = false; break;
        case 'money': body[field.name] = { amount: '1', currency: 'EUR' }; break;
        case 'date': body[field.name] = '2026-01-01'; break;
        case 'datetime': body[field.name] = '2026-01-01T09:30:00Z'; break;
        default: break;
      }
    }
    let created;
    if (entity.name === 'attachment') {
      // Its parent is set by the upload (read-only afterwards), so the loop above left it.
      parentRecord ??= await make(parentOf(entity), maker, inside);
      const parent = { entity: parentRecord.entity.name, id: parentRecord.id };
      created = await clients[maker].upload(parent, `${token}.txt`, `${token} content`);
    } else {
      created = await clients[maker].ok('POST', `/api/v1/${entity.plural}`, body);
    }
    const record = { entity, id: created.id, maker, inside, parent: parentRecord ?? null, token, extra };
    made.push(record);
    return record;
  }

  // Records that stand on a document further along than a new one: a delivery on a
  // confirmed order, a claim and a payment allocation on an issued invoice, and their
  // lines on lines of those documents. Each takes the parent it is given, else makes one.
  async function confirm(order, maker, inside) {
    const line = await make(entityByName.get('order_line'), maker, inside, order);
    const items = await clients[maker].ok('GET', `/api/v1/orders/${order.id}/order_checklist_items?limit=500`);
    for (const item of items.data) {
      await clients[maker].ok('PATCH', `/api/v1/order_checklist_items/${item.id}`, { done: true, version: item.version });
    }
    await clients[maker].ok('POST', `/api/v1/orders/${order.id}/transitions/submit`, {});
    return line;
  }
  async function issuedInvoice(maker, inside, account) {
    const invoice = await make(entityByName.get('invoice'), maker, inside, account);
    const line = await make(entityByName.get('invoice_line'), maker, inside, invoice);
    await clients[maker].ok('POST', `/api/v1/invoices/${invoice.id}/transitions/issue`, {});
    return { invoice, line };
  }
  const standsOnLaterState = {
    delivery: async (maker, inside, order) => {
      order ??= await make(entityByName.get('sales_order'), maker, inside);
      const line = await confirm(order, maker, inside);
      return { body: { sales_order_id: order.id }, parent: order, extra: { orderLine: line } };
    },
    delivery_line: async (maker, inside, delivery) => {
      delivery ??= await make(entityByName.get('delivery'), maker, inside);
      return { body: { delivery_id: delivery.id, order_line_id: delivery.extra.orderLine.id, quantity: 1 }, parent: delivery };
    },
    claim: async (maker, inside, account) => {
      const { invoice, line } = await issuedInvoice(maker, inside, account);
      return { body: { invoice_id: invoice.id }, parent: invoice.parent, extra: { invoiceLine: line } };
    },
    claim_line: async (maker, inside, claim) => {
      claim ??= await make(entityByName.get('claim'), maker, inside);
      return { body: { claim_id: claim.id, invoice_line_id: claim.extra.invoiceLine.id, quantity: 1 }, parent: claim };
    },
    payment_allocation: async (maker, inside, payment) => {
      payment ??= await make(entityByName.get('payment'), maker, inside);
      const { invoice } = await issuedInvoice(maker, inside, payment.parent);
      return { body: { payment_id: payment.id, invoice_id: invoice.id, amount: { amount: '0.01', currency: 'EUR' } }, parent: payment };
    },
  };

  const parentOf = (entity) => {
    const link = entity.fields.find((f) => f.field === entity.access_parent);
    if (!link) return null;
    return entityByName.get(link.type === 'parent' ? link.entities[0] : link.entity);
  };
  // The access parent is not in the metadata: it is the first required link for child entities.
  for (const entity of entities) {
    const definition = JSON.parse(fs.readFileSync(path.join(root, 'server/definitions', `${entity.name}.json`), 'utf8'));
    entity.access_parent = definition.access.parent ?? null;
  }
  for (const entity of entities) {
    for (const maker of ['rep', 'junior', 'mate', 'outsider']) {
      for (const inside of [true, false]) await make(entity, maker, inside);
    }
    const parent = parentOf(entity);
    if (parent) {
      // Rep's own child under a parent rep cannot see with any narrow scope.
      const hidden = await make(parent, 'outsider', false);
      await make(entity, 'rep', true, hidden);
    }
  }
  for (const entity of entities) {
    if (!made.some((r) => r.entity === entity)) failures.push(`${entity.name}: no records in the matrix`);
  }

  // --- the model ------------------------------------------------------------------------
  const own = new Set(['rep', 'junior']);
  const teamMates = new Set(['rep', 'mate']);
  const teamOf = (maker) => (maker === 'rep' || maker === 'mate' ? team.id : null);
  function visible(record, scope) {
    if (scope === 'none') return false;
    let passes;
    switch (scope) {
      case 'all': passes = true; break;
      case 'own': passes = own.has(record.maker); break;
      case 'team': passes = teamOf(record.maker) === team.id || teamMates.has(record.maker) || own.has(record.maker); break;
      case 'rule': passes = (scopeField(record.entity) ? record.inside : false) || own.has(record.maker); break;
      default: passes = false;
    }
    const parentLink = record.entity.access_parent;
    if (passes && parentLink) {
      const parentRecord = record.parent ?? made.find((r) => r.id === record.parentId);
      if (parentRecord && !visible(parentRecord, scope)) return false;
    }
    return passes;
  }
  // Children made through `make` for required links carry their parent implicitly: find it.
  for (const record of made) {
    if (record.parent || !record.entity.access_parent) continue;
    const answer = await admin.ok('GET', `/api/v1/${record.entity.plural}/${record.id}`);
    const link = record.entity.fields.find((f) => f.field === record.entity.access_parent);
    const parentId = link.type === 'parent' ? answer[link.name]?.id : answer[link.name];
    record.parent = made.find((r) => r.id === parentId);
  }

  // --- the matrix -----------------------------------------------------------------------
  for (const scope of ['all', 'team', 'own', 'rule', 'none']) {
    await admin.ok('PATCH', `/api/v1/users/${users.rep.id}`, { roles: [roles[scope].name] });
    const rep = clients.rep;
    const view = await rep.ok('GET', '/api/v1/metadata');
    expect(`metadata × ${scope}: the entities the role may read`, view.entities.map((e) => e.name).sort(),
      scope === 'none' ? [] : entities.map((e) => e.name).sort());
    for (const entity of entities) {
      const records = made.filter((r) => r.entity === entity);
      const expected = records.filter((r) => visible(r, scope)).map((r) => r.id).sort();
      const where = `${entity.name} × ${scope}`;
      // list and count, a hundred ids at a time (records made for others' sake are many)
      const listed = [];
      let counted = 0;
      let refused = null;
      for (let start = 0; start < records.length; start += 100) {
        const ids = records.slice(start, start + 100).map((r) => `"${r.id}"`).join(',');
        const list = await rep.call('GET', `/api/v1/${entity.plural}?filter=${encodeURIComponent(`id in [${ids}]`)}&count=true&limit=500`);
        if (list.status !== 200) {
          refused = [list.status, list.body?.error?.code];
          continue;
        }
        listed.push(...list.body.data.map((r) => r.id));
        counted += list.body.total;
      }
      if (scope === 'none') {
        expect(`${where}: list refused`, refused, [403, 'FORBIDDEN']);
      } else {
        expect(`${where}: list answered`, refused, null);
        expect(`${where}: list`, listed.sort(), expected);
        expect(`${where}: count`, counted, expected.length);
      }
      for (const record of records) {
        const seen = visible(record, scope);
        const label = `${where} × ${record.maker}/${record.inside ? 'in' : 'out'}${record.parent ? '/child' : ''}`;
        const read = await rep.call('GET', `/api/v1/${entity.plural}/${record.id}`);
        expect(`${label}: read`, read.status, scope === 'none' ? 403 : seen ? 200 : 404);
        const history = await rep.call('GET', `/api/v1/${entity.plural}/${record.id}/history`);
        expect(`${label}: history`, history.status, scope === 'none' ? 403 : seen ? 200 : 404);
        // edit: a change that keeps the record where it is
        const editable = entity.fields.find((f) => !f.required && !f.unique && !f.read_only && f.type === 'long_text');
        if (editable) {
          const edit = await rep.call('PATCH', `/api/v1/${entity.plural}/${record.id}`, { [editable.name]: `${record.token} edited ${scope}` });
          expect(`${label}: edit`, edit.status, scope === 'none' ? 403 : seen ? 200 : 404);
        }
        if (!seen) {
          const removal = await rep.call('DELETE', `/api/v1/${entity.plural}/${record.id}`);
          expect(`${label}: delete out of scope`, removal.status, scope === 'none' ? 403 : 404);
        }
      }
      // search: the records' tokens, through the global search
      const titleField = entity.fields.find((f) => f.name === entity.title_field);
      // (A numbered title, such as a quotation's number, holds no token to search for.)
      if (titleField?.searchable && !titleField.numbered && scope !== 'none') {
        const hits = await rep.ok('GET', `/api/v1/search?q=mx&entities=${entity.plural}&limit=100`);
        const found = hits.data.map((h) => h.id).filter((id) => records.some((r) => r.id === id)).sort();
        if (expected.length < 100) {
          expect(`${where}: search`, found, expected);
        } else {
          // More than a page of hits (records made for others' sake): a full page, all in scope.
          expect(`${where}: search (a full page)`, found.length, 100);
          expect(`${where}: search (in scope)`, found.filter((id) => !expected.includes(id)), []);
        }
      }
      // the event log
      if (scope !== 'none') {
        // every page of the log (documents the system keeps up to date have many entries)
        const entries = [];
        for (let after = 0; ;) {
          const events = await rep.ok('GET', `/api/v1/audit?entity=${entity.name}&limit=500&after=${after}`);
          entries.push(...events.data);
          if (events.data.length < 500 || events.next_after === null) break;
          after = events.next_after;
        }
        const logged = [...new Set(entries.map((e) => e.record_id))].filter((id) => records.some((r) => r.id === id)).sort();
        expect(`${where}: event log`, logged, expected);
      }
      // related lists: the children of each parent record
      for (const child of entities.filter((e) => e.access_parent && parentOf(e) === entity)) {
        for (const parentRecord of records) {
          const answer = await rep.call('GET', `/api/v1/${entity.plural}/${parentRecord.id}/${child.plural}?limit=500`);
          if (scope === 'none') {
            expect(`${where}: related ${child.plural} refused`, answer.status, 403);
            continue;
          }
          if (!visible(parentRecord, scope)) {
            expect(`${where}: related ${child.plural} of a hidden parent`, answer.status, 404);
            continue;
          }
          const children = made.filter((r) => r.entity === child && r.parent?.id === parentRecord.id && visible(r, scope)).map((r) => r.id).sort();
          // (records the system adds, such as an order's checklist, are not the matrix's)
          const known = (id) => made.some((r) => r.id === id);
          expect(`${where}: related ${child.plural}`, answer.status === 200 ? answer.body.data.map((r) => r.id).filter(known).sort() : answer.status, children);
        }
      }
      // create: any role with the right creates, even outside the rule (the record is
      // the creator's own); without the right, nothing is created
      if (scope === 'none') {
        const creation = await rep.call('POST', `/api/v1/${entity.plural}`, {});
        expect(`${where}: create without right`, [creation.status, creation.body?.error?.fields?.[0]?.code], [403, 'ACCESS_DENIED']);
      } else {
        let created = null;
        try { created = await make(entity, 'rep', false); } catch (error) { created = String(error.message); failures.push(`${where}: create: ${created}`); }
        expect(`${where}: create`, typeof created === 'object' && created !== null, true);
      }
    }
  }

  // --- field rights ---------------------------------------------------------------------
  {
    const account = entityByName.get('account');
    const hiddenField = account.fields.find((f) => f.name === 'comments');
    const readOnlyField = account.fields.find((f) => f.name === 'phone');
    const body = roleBody('matrix-fields', 'all');
    const contact = entityByName.get('contact');
    const contactTitle = contact.fields.find((f) => f.name === contact.title_field);
    body.field_rights = [
      { entity: 'account', field: hiddenField.field, mode: 'hidden' },
      { entity: 'account', field: readOnlyField.field, mode: 'read_only' },
      { entity: 'contact', field: contactTitle.field, mode: 'hidden' },
    ];
    await admin.ok('POST', '/api/v1/roles', body);
    await admin.ok('PATCH', `/api/v1/users/${users.rep.id}`, { roles: ['matrix-fields'] });
    const rep = clients.rep;
    const record = made.find((r) => r.entity === account);
    const secret = `sq${process.pid}secret`;
    await admin.ok('PATCH', `/api/v1/accounts/${record.id}`, { comments: `note ${secret}` });
    const read = await rep.ok('GET', `/api/v1/accounts/${record.id}`);
    expect('hidden field: not in the record', 'comments' in read, false);
    expect('read-only field: shown', 'phone' in read, true);
    const listed = await rep.ok('GET', `/api/v1/accounts?filter=${encodeURIComponent(`id eq "${record.id}"`)}`);
    expect('hidden field: not in the list', 'comments' in listed.data[0], false);
    const filtered = await rep.call('GET', `/api/v1/accounts?filter=${encodeURIComponent('comments contains "x"')}`);
    expect('hidden field: filter refused', [filtered.status, filtered.body.error.fields?.[0]?.code], [403, 'FIELD_HIDDEN']);
    const sorted = await rep.call('GET', '/api/v1/accounts?sort=-comments');
    expect('hidden field: sort refused', [sorted.status, sorted.body.error.fields?.[0]?.code], [403, 'FIELD_HIDDEN']);
    const selected = await rep.call('GET', '/api/v1/accounts?fields=name,comments');
    expect('hidden field: selection refused', selected.status, 403);
    const writeHidden = await rep.call('PATCH', `/api/v1/accounts/${record.id}`, { comments: 'x' });
    expect('hidden field: write refused', [writeHidden.status, writeHidden.body.error.fields?.[0]], [403, { field: 'comments', code: 'FIELD_HIDDEN', message: 'hidden from you' }]);
    const writeReadOnly = await rep.call('PATCH', `/api/v1/accounts/${record.id}`, { phone: '+41 1 234' });
    expect('read-only field: write refused', [writeReadOnly.status, writeReadOnly.body.error.fields?.[0]?.code], [403, 'FIELD_READ_ONLY']);
    const view = await rep.ok('GET', '/api/v1/metadata');
    const accountView = view.entities.find((e) => e.name === 'account');
    expect('metadata: the hidden field is left out', accountView.fields.some((f) => f.field === hiddenField.field), false);
    expect('metadata: the read-only field is marked', accountView.fields.find((f) => f.field === readOnlyField.field)?.read_only, true);
    expect('metadata: the rights are the roles\' rights', [accountView.rights.read, accountView.rights.approve], [true, false]);
    const adminHits = await admin.ok('GET', `/api/v1/search?q=${secret}`);
    expect('hidden field: the administrator finds it', adminHits.data.some((h) => h.id === record.id), true);
    const repHits = await rep.ok('GET', `/api/v1/search?q=${secret}`);
    expect('hidden field: search never matches on it', repHits.data.length, 0);
    const nameHits = await rep.ok('GET', `/api/v1/search?q=${record.token}`);
    const hit = nameHits.data.find((h) => h.id === record.id);
    expect('hidden field: visible fields still match', Boolean(hit), true);
    expect('hidden field: not in the snippet', hit ? hit.snippet.includes(secret) : false, false);
    // a contact whose only searchable text is its hidden title is not found by it
    const person = made.find((r) => r.entity === contact);
    const surname = `sq${process.pid}surname`;
    await admin.ok('PATCH', `/api/v1/contacts/${person.id}`, { [contactTitle.name]: surname });
    const personHits = await rep.ok('GET', `/api/v1/search?q=${surname}&entities=contacts`);
    expect('hidden title: search does not match on it', personHits.data.some((h) => h.id === person.id), false);
    const adminPersonHits = await admin.ok('GET', `/api/v1/search?q=${surname}&entities=contacts`);
    expect('hidden title: the administrator finds it', adminPersonHits.data.some((h) => h.id === person.id), true);
    const byComment = await rep.ok('GET', `/api/v1/search?q=${person.token}&entities=contacts`);
    const shown = byComment.data.find((h) => h.id === person.id);
    expect('hidden title: found by a visible field, without its title', [Boolean(shown), shown?.title], [true, '']);
    const history = await rep.ok('GET', `/api/v1/accounts/${record.id}/history`);
    expect('hidden field: not in the history', JSON.stringify(history).includes(secret), false);
    const events = await rep.ok('GET', '/api/v1/audit?entity=account&limit=500');
    expect('hidden field: not in the event log', JSON.stringify(events).includes(secret), false);
  }

  // --- administration -------------------------------------------------------------------
  {
    const rep = clients.rep;
    const denied = await rep.call('POST', '/api/v1/roles', { name: 'sneaky' });
    expect('admin API: refused to non-administrators', denied.status, 403);
    const badRule = await admin.call('POST', '/api/v1/roles', {
      name: 'bad-rule', rights: [{ entity: 'account', action: 'read', scope: 'rule', rule: 'no_such_field eq 1' }],
    });
    expect('admin API: a rule on an unknown field', [badRule.status, badRule.body.error.fields?.[0]?.field, badRule.body.error.fields?.[0]?.code], [422, 'rights[0].rule', 'RULE_INVALID']);
    const badScope = await admin.call('POST', '/api/v1/roles', { name: 'bad-scope', rights: [{ entity: 'nothing', action: 'read', scope: 'all' }] });
    expect('admin API: an unknown entity', [badScope.status, badScope.body.error.fields?.[0]?.code], [422, 'UNKNOWN_ENTITY']);
    const cycle = await admin.call('PATCH', `/api/v1/users/${users.rep.id}`, { manager_id: users.junior.id });
    expect('admin API: a reporting loop', [cycle.status, cycle.body.error.fields?.[0]?.code], [422, 'MANAGER_CYCLE']);
    const badValue = await admin.call('PATCH', `/api/v1/users/${users.rep.id}`, { attributes: { areas: ['atlantis'] } });
    expect('admin API: an attribute value off its picklist', [badValue.status, badValue.body.error.fields?.[0]?.code], [422, 'FIELD_INVALID_ENUM']);
    const duplicate = await admin.call('POST', '/api/v1/teams', { name: 'T1' });
    expect('admin API: a duplicate team name', [duplicate.status, duplicate.body.error.fields?.[0]?.code], [422, 'UNIQUE_VIOLATION']);
    // explain access: which role and rule decide
    await admin.ok('PATCH', `/api/v1/users/${users.rep.id}`, { roles: ['matrix-rule', 'matrix-none'] });
    const account = entityByName.get('account');
    const inside = made.find((r) => r.entity === account && r.maker === 'outsider' && r.inside);
    const outside = made.find((r) => r.entity === account && r.maker === 'outsider' && !r.inside);
    const yes = await admin.ok('GET', `/api/v1/accounts/${inside.id}/access?user_id=${users.rep.id}`);
    expect('explain: the rule takes the record in', [yes.actions.read.allowed, yes.actions.read.rights[0]?.role, yes.actions.read.rights[0]?.scope, yes.actions.read.rights[0]?.matches], [true, 'matrix-rule', 'rule', true]);
    const no = await admin.ok('GET', `/api/v1/accounts/${outside.id}/access?user_id=${users.rep.id}`);
    expect('explain: the rule leaves the record out', [no.actions.read.allowed, no.actions.read.rights[0]?.matches, no.actions.approve.reason], [false, false, 'no role grants this action']);
    const self = await rep.call('GET', `/api/v1/accounts/${inside.id}/access`);
    expect('explain: a user asks about themself', [self.status, self.body.actions?.edit?.allowed], [200, true]);
    const other = await rep.call('GET', `/api/v1/accounts/${inside.id}/access?user_id=${users.mate.id}`);
    expect('explain: not about others', other.status, 403);
    const hidden = await rep.call('GET', `/api/v1/accounts/${outside.id}/access`);
    expect('explain: not of records out of scope', hidden.status, 404);
    const child = made.find((r) => r.maker === 'rep' && r.parent?.maker === 'outsider' && !r.parent.inside);
    if (child) {
      const verdict = await admin.ok('GET', `/api/v1/${child.entity.plural}/${child.id}/access?user_id=${users.rep.id}`);
      expect('explain: a child under a hidden parent', [verdict.parent?.readable, verdict.actions.read.allowed, verdict.actions.read.reason], [false, false, 'the parent record is not readable']);
    }
    // a portal user sees their own account and nothing else
    const portalAccount = made.find((r) => r.entity === account && r.maker === 'mate');
    await admin.ok('POST', '/api/v1/roles', {
      name: 'portal',
      rights: [{ entity: 'account', action: 'read', scope: 'rule', rule: 'id eq user.account' }],
    });
    await admin.ok('POST', '/api/v1/users', {
      username: 'customer', password: PASSWORD, kind: 'portal', portal_account_id: portalAccount.id, roles: ['portal'],
    });
    const customer = await Client.login('customer');
    const mine = await customer.ok('GET', '/api/v1/accounts?count=true&limit=500');
    expect('portal: only the own account', [mine.total, mine.data.map((r) => r.id)], [1, [portalAccount.id]]);
    const contactsOfPortal = await customer.call('GET', '/api/v1/contacts');
    expect('portal: no other entity', contactsOfPortal.status, 403);
    const badPortal = await admin.call('POST', '/api/v1/users', { username: 'customer2', kind: 'portal', portal_account_id: 'nothing' });
    expect('portal: the account must exist', [badPortal.status, badPortal.body.error.fields?.[0]?.code], [422, 'LINK_NOT_FOUND']);
    // deactivation ends the user's sessions at once
    await admin.ok('PATCH', `/api/v1/users/${users.outsider.id}`, { active: false });
    const after = await clients.outsider.call('GET', '/api/v1/accounts');
    expect('a deactivated user is signed out', after.status, 401);
  }

  // --- approvals: deciding takes the approve right, within its scope -----------------------
  {
    const account = entityByName.get('account');
    const target = made.find((r) => r.entity === account && r.maker === 'outsider' && r.inside);
    const elsewhere = made.find((r) => r.entity === account && r.maker === 'outsider' && !r.inside);
    const requested = await admin.ok('DELETE', `/api/v1/accounts/${target.id}`);
    const other = await admin.ok('DELETE', `/api/v1/accounts/${elsewhere.id}`);
    await admin.ok('POST', '/api/v1/roles', {
      name: 'approver',
      rights: [{ entity: 'account', action: 'read', scope: 'all' },
        { entity: 'account', action: 'approve', scope: 'rule', rule: 'area in user.areas' }],
    });
    await admin.ok('PATCH', `/api/v1/users/${users.rep.id}`, { roles: ['matrix-all'] });
    const without = await clients.rep.call('POST', `/api/v1/approvals/${requested.id}/reject`, {});
    // Without the approve right the approval is not theirs to see: like a record out of
    // scope, it reads as absent.
    expect('approvals: no approve right', [without.status, without.body?.error?.code], [404, 'NOT_FOUND']);
    const invisible = await clients.rep.ok('GET', '/api/v1/approvals');
    expect('approvals: not listed without the right', invisible.data.length, 0);
    await admin.ok('PATCH', `/api/v1/users/${users.rep.id}`, { roles: ['approver'] });
    const listed = await clients.rep.ok('GET', '/api/v1/approvals');
    expect('approvals: listed with the right', listed.data.map((a) => a.id).sort(), [requested.id, other.id].sort());
    const outOfScope = await clients.rep.call('POST', `/api/v1/approvals/${other.id}/reject`, {});
    expect('approvals: out of the approve scope', [outOfScope.status, outOfScope.body?.error?.fields?.[0]?.code], [403, 'OUT_OF_SCOPE']);
    const decided = await clients.rep.call('POST', `/api/v1/approvals/${requested.id}/reject`, { remarks: 'keep it' });
    expect('approvals: decided within the scope', [decided.status, decided.body?.status], [200, 'rejected']);
  }

  for (const failure of failures) report.notOk('access outcome', failure);
  if (failures.length === 0) report.ok(`the access matrix: all ${checks} outcomes as the model says`);
} catch (error) {
  report.notOk('the access matrix ran to its end', error.stack ?? error);
} finally {
  await server.stop();
  database.cleanup();
}
report.finish();
