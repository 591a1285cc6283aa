// Appeal Desk: the case card, a Tasklist task-detail tab «Дело» (Camunda Tasklist plugin point tasklist.task.detail).
// Read-only: number, type, subject, channel, client, received, deadlines, status history, co-executors' conclusions,
// documents with download links; plus an upload of a new document into the case file. Every call goes to the plugin's
// own REST resource under the Tasklist API with the Tasklist session (see docs/tasklist.md).

const PLUGIN = 'appealdesk-case-card';

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (k === 'class') {
      e.className = v;
    } else if (k.startsWith('on')) {
      e.addEventListener(k.slice(2), v);
    } else {
      e.setAttribute(k, v === true ? '' : v);
    }
  });
  children.flat(Infinity).forEach((c) => {
    if (c === null || c === undefined || c === false) {
      return;
    }
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  });
  return e;
}

function csrfToken(fallback) {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : fallback;
}

async function problemText(response) {
  try {
    const body = await response.json();
    return body.detail || body.message || `Ошибка ${response.status}`;
  } catch (e) {
    return `Ошибка ${response.status}`;
  }
}

function row(label, value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return [el('dt', {}, label), el('dd', {}, value)];
}

function section(title, ...content) {
  const body = content.flat(Infinity).filter(Boolean);
  return body.length ? el('section', {class: 'adc-section'}, el('h4', {}, title), body) : null;
}

function clientText(c) {
  if (!c) {
    return null;
  }
  return [c.fullName, c.phone, c.email, c.postalAddress].filter(Boolean).join(' · ');
}

function table(headers, rows) {
  return el('table', {class: 'table table-condensed adc-table'},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

function render(node, {api, taskId}) {
  const base = `${api.tasklistApi}/plugin/${PLUGIN}/${api.engine}`;
  const root = el('div', {class: 'appealdesk-case-card'});
  node.appendChild(root);

  async function load(notice) {
    root.replaceChildren(el('p', {class: 'adc-loading'}, 'Загрузка дела…'));
    let card;
    try {
      const r = await fetch(`${base}/task/${encodeURIComponent(taskId)}`,
        {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
      if (!r.ok) {
        root.replaceChildren(el('p', {class: 'alert alert-warning adc-unavailable'}, await problemText(r)));
        return;
      }
      card = await r.json();
    } catch (e) {
      root.replaceChildren(el('p', {class: 'alert alert-danger'}, 'Не удалось загрузить дело. Обновите страницу.'));
      return;
    }
    root.replaceChildren(view(card, notice));
  }

  function documentLink(card, d) {
    return el('a', {href: `${base}/case/${encodeURIComponent(card.number)}/documents/${d.id}`, download: d.fileName,
      class: 'adc-document'}, d.fileName);
  }

  function uploadForm(card) {
    const kind = el('select', {class: 'form-control input-sm', name: 'kind', 'aria-label': 'Вид документа'},
      card.uploadKinds.map((k) => el('option', {value: k.code}, k.name)));
    // the browser's own file button speaks the browser's language: a Russian one in front of it
    const file = el('input', {type: 'file', name: 'file', class: 'adc-file', 'aria-label': 'Файл'});
    const chosen = el('span', {class: 'adc-file-name'}, 'Файл не выбран');
    file.addEventListener('change', () => {
      chosen.textContent = file.files && file.files[0] ? file.files[0].name : 'Файл не выбран';
    });
    const pick = el('label', {class: 'btn btn-default btn-sm adc-pick'}, 'Выбрать файл…', file);
    const status = el('span', {class: 'adc-upload-status', role: 'status'});
    const button = el('button', {type: 'submit', class: 'btn btn-default btn-sm'}, 'Загрузить в дело');
    const form = el('form', {class: 'adc-upload form-inline', onsubmit: async (event) => {
      event.preventDefault();
      const chosen = file.files && file.files[0];
      if (!chosen) {
        status.textContent = 'Выберите файл.';
        return;
      }
      button.disabled = true;
      status.textContent = 'Загрузка…';
      try {
        const r = await fetch(`${base}/case/${encodeURIComponent(card.number)}/documents?kind=${kind.value}`, {
          method: 'POST', credentials: 'same-origin', body: chosen,
          headers: {'Content-Type': chosen.type || 'application/octet-stream', Accept: 'application/json',
            'X-File-Name': encodeURIComponent(chosen.name), 'X-XSRF-TOKEN': csrfToken(api.CSRFToken)}
        });
        if (!r.ok) {
          status.textContent = `Не удалось загрузить: ${await problemText(r)}`;
          button.disabled = false;
          return;
        }
        const stored = await r.json();
        await load(`Документ «${stored.fileName}» добавлен в дело.`);
      } catch (e) {
        status.textContent = 'Не удалось загрузить файл. Попробуйте ещё раз.';
        button.disabled = false;
      }
    }}, kind, pick, chosen, button, status);
    return section('Добавить документ в дело', form);
  }

  function view(card, notice) {
    const title = el('h3', {class: 'adc-title'}, card.appeal ? `Обращение ${card.number}` : `Дело ${card.number}`,
      card.status ? el('span', {class: 'label label-info adc-status'}, card.status) : null,
      card.breached ? el('span', {class: 'label label-danger adc-breached'}, 'Срок нарушен') : null);
    const parts = [title];
    if (notice) {
      parts.push(el('p', {class: 'alert alert-success adc-notice', role: 'status'}, notice));
    }
    if (card.appeal) {
      parts.push(section('Обращение', el('dl', {class: 'dl-horizontal adc-facts'},
        row('Тип', card.type), row('Тема', card.subject), row('Способ обращения', card.channel),
        row('Клиент', clientText(card.client)), row('Получено', card.receivedAt),
        row('Договор', card.contractNumber), row('Ответственное подразделение', card.responsibleGroup),
        row('Соисполнители', card.coExecutorGroup))));
      parts.push(section('Сроки', el('dl', {class: 'dl-horizontal adc-deadlines'},
        card.deadlines.map((d) => row(d.what, d.due)))));
      parts.push(section('Суть обращения',
        card.content ? el('p', {class: 'adc-text'}, card.content) : null,
        card.demand ? el('p', {class: 'adc-text'}, el('strong', {}, 'Требование: '), card.demand) : null));
      parts.push(section('История статусов', card.history.length ? table(['Когда', 'Статус', 'Примечание'],
        card.history.map((h) => el('tr', {}, el('td', {}, h.at || ''), el('td', {}, h.what || ''),
          el('td', {}, h.note || ''))))
        : null));
      parts.push(section('Заключения соисполнителей', card.conclusions.map((c) =>
        el('blockquote', {class: 'adc-conclusion'}, el('p', {}, c.text || ''),
          el('footer', {}, [c.group, c.author, c.at].filter(Boolean).join(', '))))));
      parts.push(section('Информация от клиента', card.information.map((i) =>
        el('p', {class: 'adc-text'}, el('strong', {}, `${i.at || ''}: `), i.note || ''))));
    }
    parts.push(section('Документы дела', card.documents.length
      ? table(['Документ', 'Вид', 'Размер', 'Загрузил', 'Когда'], card.documents.map((d) => el('tr', {},
        el('td', {}, documentLink(card, d)), el('td', {}, d.kind), el('td', {}, d.size), el('td', {}, d.uploadedBy),
        el('td', {}, d.uploadedAt))))
      : el('p', {class: 'adc-empty'}, 'В деле пока нет документов.')));
    parts.push(uploadForm(card));
    return el('div', {}, parts);
  }

  load();
}

export default {
  id: PLUGIN,
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before history (800), diagram (600) and description (100)
  priority: 900,
  label: 'Дело',
  properties: {label: 'Дело'},
  render
};
