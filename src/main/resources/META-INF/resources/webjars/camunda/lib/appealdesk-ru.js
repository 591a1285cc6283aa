// Appeal Desk: Russian for the parts of Tasklist, Cockpit, Admin and Welcome that locales/ru.json does not reach.
//
// A "custom script" of each app's scripts/config.js (documented Camunda customisation): the app imports it after its
// AngularJS module "cam.<app>.custom" exists and before it starts, so a run block here configures the app's own
// services. It sets
// - the page language (<html lang="ru">, so the browser hyphenates and spell-checks in Russian);
// - AngularJS $locale: month and day names, Monday as the first day of the week, 24-hour times, "," as the decimal
//   separator (used by the date pickers of due dates, follow-up dates and search criteria);
// - the defaults of the ui-bootstrap date and time pickers (Monday first, nominative month in the title, 24 hours,
//   Russian button texts).
const angular = window.angular;
const appName = document.querySelector('base').getAttribute('app-name');

document.documentElement.lang = 'ru';

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября',
  'ноября', 'декабря'];
const STANDALONE_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь',
  'октябрь', 'ноябрь', 'декабрь'];
const SHORT_MONTHS = ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июня', 'июля', 'авг.', 'сент.', 'окт.', 'нояб.',
  'дек.'];
const STANDALONE_SHORT_MONTHS = ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.',
  'нояб.', 'дек.'];

function russianLocale($locale) {
  const f = $locale.DATETIME_FORMATS;
  f.MONTH = MONTHS;
  f.STANDALONEMONTH = STANDALONE_MONTHS;
  f.SHORTMONTH = SHORT_MONTHS;
  f.DAY = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
  f.SHORTDAY = ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'];
  f.AMPMS = ['AM', 'PM'];
  f.FIRSTDAYOFWEEK = 0; // AngularJS counts from Monday = 0
  f.WEEKENDRANGE = [5, 6];
  f.fullDate = 'EEEE, d MMMM y г.';
  f.longDate = 'd MMMM y г.';
  f.medium = 'd MMM y г., HH:mm:ss';
  f.mediumDate = 'd MMM y г.';
  f.mediumTime = 'HH:mm:ss';
  f['short'] = 'dd.MM.y HH:mm';
  f.shortDate = 'dd.MM.y';
  f.shortTime = 'HH:mm';
  $locale.NUMBER_FORMATS.DECIMAL_SEP = ',';
  $locale.NUMBER_FORMATS.GROUP_SEP = '\u00a0';
  $locale.id = 'ru-ru';
}

function russianPickers($injector) {
  if ($injector.has('uibDatepickerConfig')) {
    const d = $injector.get('uibDatepickerConfig');
    d.startingDay = 1;
    d.formatDayTitle = 'LLLL yyyy';
    d.formatMonth = 'LLLL';
    d.showWeeks = false;
  }
  if ($injector.has('uibDatepickerPopupConfig')) {
    const p = $injector.get('uibDatepickerPopupConfig');
    p.currentText = 'Сегодня';
    p.clearText = 'Очистить';
    p.closeText = 'Готово';
    p.datepickerPopup = 'dd.MM.yyyy';
  }
  if ($injector.has('uibTimepickerConfig')) {
    $injector.get('uibTimepickerConfig').showMeridian = false;
  }
}

const custom = angular.module(`cam.${appName}.custom`);
custom.run(['$locale', '$injector', ($locale, $injector) => {
  russianLocale($locale);
  russianPickers($injector);
}]);

// ------------------------------------------------------------------------------------------------------------------
// Tasklist search: what an employee types into "Поиск задач" is a case number ("RU-2026-000003", or a part of it),
// not a task name. The search widget takes as its default criterion the type marked "default" (Camunda ships "Name
// like"); before its link function reads them, the default moves to the process instance business key, compared with
// LIKE (so "000003" finds "RU-2026-000003"). The other criteria stay available from the list.

function preferBusinessKey(types) {
  const businessKey = (types || []).find((t) => t.id && t.id.key === 'processInstanceBusinessKey');
  if (!businessKey) {
    return;
  }
  types.forEach((t) => {
    t.default = t === businessKey;
  });
}

if (appName === 'tasklist') {
  custom.config(['$provide', ($provide) => {
    $provide.decorator('camWidgetSearchDirective', ['$delegate', ($delegate) => {
      const directive = $delegate[0];
      const compile = directive.compile;
      directive.compile = function () {
        const linked = compile.apply(this, arguments);
        const pre = typeof linked === 'function' ? null : linked && linked.pre;
        const post = typeof linked === 'function' ? linked : linked && linked.post;
        return {
          pre(scope) {
            preferBusinessKey(scope.types);
            return pre && pre.apply(this, arguments);
          },
          post
        };
      };
      return $delegate;
    }]);
  }]);
}


// ------------------------------------------------------------------------------------------------------------------
// Camunda Forms (form-js) render in English and offer no translation hook: their validation messages ("Field is
// required.") and the flatpickr calendar are hard-coded. A MutationObserver rewrites the messages as Russian sentences
// that name the field by its label, and switches each calendar to Russian with Monday first.

const FLATPICKR_RU = {
  weekdays: {
    shorthand: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'],
    longhand: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота']
  },
  months: {
    shorthand: STANDALONE_SHORT_MONTHS,
    longhand: STANDALONE_MONTHS.map((m) => m[0].toUpperCase() + m.slice(1))
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' — ',
  weekAbbreviation: 'Нед.',
  scrollTitle: 'Прокрутите, чтобы изменить',
  toggleTitle: 'Нажмите, чтобы переключить',
  amPM: ['ДП', 'ПП'],
  yearAriaLabel: 'Год',
  monthAriaLabel: 'Месяц',
  hourAriaLabel: 'Час',
  minuteAriaLabel: 'Минута',
  time_24hr: true
};

/** "символ", "символа", "символов" for n. */
function characters(n) {
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) {
    return 'символ';
  }
  return d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14) ? 'символа' : 'символов';
}

function quoted(label) {
  return label ? `«${label}»` : '';
}

/** English form-js message → Russian sentence naming the field (label may be empty). */
const FORM_MESSAGES = [
  [/^Field is required\.$/, (m, l, kind) => !l ? 'Заполните это поле.'
    : kind === 'checkbox' ? `Отметьте ${quoted(l)}.`
      : kind === 'choice' ? `Выберите значение в поле ${quoted(l)}.` : `Заполните поле ${quoted(l)}.`],
  [/^Field must have minimum length of (\d+)\.$/, (m, l) =>
    `${l ? 'Поле ' + quoted(l) : 'Поле'} должно содержать не менее ${m[1]} ${characters(+m[1])}.`],
  [/^Field must have maximum length of (\d+)\.$/, (m, l) =>
    `${l ? 'Поле ' + quoted(l) : 'Поле'} должно содержать не более ${m[1]} ${characters(+m[1])}.`],
  [/^Field must have minimum value of (.+)\.$/, (m, l) =>
    `${l ? 'Значение поля ' + quoted(l) : 'Значение'} должно быть не меньше ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m, l) =>
    `${l ? 'Значение поля ' + quoted(l) : 'Значение'} должно быть не больше ${m[1]}.`],
  [/^Field must match pattern .*\.$/s, (m, l) =>
    `${l ? 'Поле ' + quoted(l) : 'Поле'} заполнено в неверном формате.`],
  [/^Field must be a valid\s+international phone number\..*$/, (m, l) =>
    `Укажите ${l ? 'в поле ' + quoted(l) + ' ' : ''}телефон в международном формате, например +79161234567.`],
  [/^Field must be a valid email\.$/, (m, l) =>
    `Укажите ${l ? 'в поле ' + quoted(l) + ' ' : ''}адрес электронной почты, например ivanov@example.ru.`],
  [/^Value is not a number\.$/, (m, l) => `${l ? 'В поле ' + quoted(l) : 'Здесь'} должно быть число.`],
  [/^Value is expected to be an integer\.$/, (m, l) =>
    `${l ? 'В поле ' + quoted(l) : 'Здесь'} должно быть целое число.`],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m, l) =>
    `${l ? 'В поле ' + quoted(l) : 'Здесь'} допускается не более ${m[1]} знаков после запятой.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (m, l) =>
    `${l ? 'В поле ' + quoted(l) : 'Здесь'} допустимы только определённые значения; ближайшие — ${m[1]} и ${m[2]}.`]
];

/** Short texts form-js draws itself (placeholders, empty lists, button labels). */
const FORM_TEXTS = {
  'Search': 'Поиск',
  'Select': 'Выберите',
  'No results': 'Ничего не найдено',
  'Increment': 'Увеличить',
  'Decrement': 'Уменьшить',
  'Next page': 'Следующая страница',
  'Previous page': 'Предыдущая страница',
  'Date': 'Дата',
  'Time': 'Время',
  'Browse': 'Выбрать файл',
  'No files selected': 'Файлы не выбраны'
};

/** Changes the text in place: Preact keeps its text nodes and updates them when its own text changes. */
function setText(el, text) {
  const node = el.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && node === el.lastChild) {
    node.data = text;
  } else {
    el.textContent = text;
  }
}

function fieldLabel(error) {
  const field = error.closest('.fjs-form-field');
  const label = field && field.querySelector('.fjs-form-field-label');
  return label ? label.textContent.replace(/[*:\s]+$/, '').trim() : '';
}

/** What the field asks for: a tick, a choice from a list, or typed text. */
function fieldKind(error) {
  const field = error.closest('.fjs-form-field');
  if (!field) {
    return 'text';
  }
  if (field.classList.contains('fjs-form-field-checkbox')) {
    return 'checkbox';
  }
  return /fjs-form-field-(select|radio|checklist|taglist)/.test(field.className) ? 'choice' : 'text';
}

function translateError(error) {
  error.querySelectorAll('li').forEach((item) => {
    const text = item.textContent.trim();
    for (const [pattern, russian] of FORM_MESSAGES) {
      const m = text.match(pattern);
      if (m) {
        setText(item, russian(m, fieldLabel(error), fieldKind(error)));
        return;
      }
    }
  });
}

function translateTexts(root) {
  root.querySelectorAll('[placeholder], [aria-label], [title]').forEach((el) => {
    ['placeholder', 'aria-label', 'title'].forEach((a) => {
      const v = el.getAttribute(a);
      if (v && FORM_TEXTS[v]) {
        el.setAttribute(a, FORM_TEXTS[v]);
      }
    });
  });
  root.querySelectorAll('.fjs-dropdownlist-empty, .fjs-select-placeholder, .fjs-form-field-label, button').forEach((el) => {
    if (el.childElementCount === 0 && FORM_TEXTS[el.textContent.trim()]) {
      setText(el, FORM_TEXTS[el.textContent.trim()]);
    }
  });
}

/** Russian calendars, dates typed and shown as 31.12.2026 whatever language the browser has, times as 14:30. */
function russianCalendars(root) {
  root.querySelectorAll('input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && !picker.appealdeskRussian) {
      picker.appealdeskRussian = true;
      picker.set('locale', FLATPICKR_RU);
      picker.set('dateFormat', 'd.m.Y');
      input.setAttribute('placeholder', 'дд.мм.гггг');
    }
    if (input.getAttribute('placeholder') === 'hh:mm') {
      input.setAttribute('placeholder', 'чч:мм');
    }
  });
}

function localiseForms() {
  document.querySelectorAll('.fjs-container, .fjs-form').forEach((form) => {
    form.querySelectorAll('.fjs-form-field-error').forEach(translateError);
    translateTexts(form);
    russianCalendars(form);
  });
}

// ------------------------------------------------------------------------------------------------------------------
// Notifications read "<what failed>: <why>" as one sentence: the template puts " : " between the two parts; the
// space before the colon goes, and a reason that starts like a sentence continues in lower case
// ("Не удалось завершить задачу: заполните поле «Email клиента».").

/** The reason inside Camunda's wrappers ("cannot submit task form …: ENGINE-03051 … Message: '<reason>'"). */
function innermostReason(message) {
  const first = message.firstChild;
  if (!first || first !== message.lastChild || first.nodeType !== Node.TEXT_NODE) {
    return;
  }
  const m = first.data.match(/ENGINE-\d+ [^]*?Message: '(?:Exception while invoking TaskListener: )?([^]*)'\s*$/);
  if (m && m[1].trim()) {
    first.data = m[1].trim();
  }
}

function polishNotification(alert) {
  const status = alert.querySelector('.status');
  const message = alert.querySelector('.message');
  if (!status || !message) {
    return;
  }
  innermostReason(message);
  let next = status.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && !next.data.trim()) {
    const gap = next;
    next = next.nextSibling;
    gap.remove();
  }
  const first = message.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE && /^[А-ЯЁA-Z][а-яёa-z]/.test(first.data.trimStart())
      && !/[.!?]\s*$/.test(status.textContent)) {
    const text = first.data.trimStart();
    first.data = text[0].toLowerCase() + text.slice(1);
  }
}

function polishNotifications() {
  document.querySelectorAll('[notifications-panel] .alert, .notifications .alert').forEach(polishNotification);
}

// ------------------------------------------------------------------------------------------------------------------
// 24-hour times in Camunda Forms: a form's time fields show "10:30 AM" unless the form says use24h; Tasklist loads
// the form schema with fetch() from .../deployed-form or .../deployed-start-form, where every datetime field is
// switched to 24 hours before form-js sees it (display only: the submitted value is the same).

function use24h(component) {
  if (component && component.type === 'datetime' && component.use24h === undefined) {
    component.use24h = true;
  }
  (component && component.components || []).forEach(use24h);
}

const originalFetch = window.fetch.bind(window);
window.fetch = async (resource, init) => {
  const response = await originalFetch(resource, init);
  const url = typeof resource === 'string' ? resource : resource && resource.url;
  if (!url || !/\/deployed-(start-)?form(\?|$)/.test(url) || !response.ok) {
    return response;
  }
  try {
    const schema = await response.clone().json();
    use24h(schema);
    return new Response(JSON.stringify(schema), {status: response.status, statusText: response.statusText,
      headers: response.headers});
  } catch (e) {
    return response;
  }
};

// ------------------------------------------------------------------------------------------------------------------
// Counts on every Tasklist filter: Camunda shows the number of tasks only for the selected filter. The filter list of
// the engine REST API (the same one Tasklist reads, with the Tasklist session) returns every filter with its count
// (itemCount=true); each filter of the left column gets "(n)" next to its name, matched by name and description.
// Refreshed when Tasklist refreshes its own count and every 30 seconds.

const appRoot = document.querySelector('base').getAttribute('app-root');
let countsRequested = 0;
let lastFocusedCount = null;

async function refreshFilterCounts() {
  const engine = (window.location.pathname.match(/\/app\/tasklist\/([\w-]+)/) || [])[1] || 'default';
  countsRequested = Date.now();
  let list;
  try {
    const r = await originalFetch(`${appRoot}/api/engine/engine/${engine}/filter?resourceType=Task&itemCount=true`,
      {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!r.ok) {
      return;
    }
    list = await r.json();
  } catch (e) {
    return;
  }
  document.querySelectorAll('.task-filter').forEach((item) => {
    const link = item.querySelector('h4.name a');
    const heading = item.querySelector('h4.name');
    if (!link) {
      return;
    }
    const name = Array.from(link.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.data).join('').trim();
    const description = heading.getAttribute('uib-tooltip') || '';
    const filter = list.find((f) => f.name === name && ((f.properties || {}).description || '') === description)
      || list.find((f) => f.name === name);
    let badge = link.querySelector('.appealdesk-count');
    if (!filter || typeof filter.itemCount !== 'number') {
      if (badge) {
        badge.remove();
      }
      return;
    }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'appealdesk-count';
      link.appendChild(badge);
    }
    badge.textContent = String(filter.itemCount);
    badge.title = 'Задач в фильтре: ' + filter.itemCount;
  });
}

function watchFilterCounts() {
  if (appName !== 'tasklist' || !document.querySelector('.task-filter')) {
    return;
  }
  const focused = document.querySelector('.task-filter.active .counter');
  const focusedCount = focused ? focused.textContent.trim() : null;
  const missing = Array.from(document.querySelectorAll('.task-filter h4.name a'))
    .some((a) => !a.querySelector('.appealdesk-count'));
  if ((missing || focusedCount !== lastFocusedCount) && Date.now() - countsRequested > 1000) {
    lastFocusedCount = focusedCount;
    refreshFilterCounts();
  }
}

if (appName === 'tasklist') {
  window.setInterval(() => {
    if (document.querySelector('.task-filter')) {
      refreshFilterCounts();
    }
  }, 30000);
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      localiseForms();
      polishNotifications();
      watchFilterCounts();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
