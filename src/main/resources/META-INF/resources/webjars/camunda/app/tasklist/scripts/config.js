// Appeal Desk: Tasklist in Russian (overrides the webjar's scripts/config.js; see docs/tasklist.md).
export default {
  app: {
    name: 'Задачи',
    vendor: 'Appeal Desk'
  },
  // Russian only: every browser gets Russian, whatever language it asks for (keys are complete, a test checks it).
  locales: {
    availableLocales: ['ru'],
    fallbackLocale: 'ru'
  },
  // moment formats from locales/ru.json (dateLocales): 15 декабря 2026 г., 14:30
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL',
    abbr: 'lll',
    short: 'LL'
  },
  // Loaded as an ES module before the app starts (path relative to app/tasklist/): Russian date pickers, Camunda Forms
  // (form-js) messages and calendars, notifications as one sentence; shared by all four apps.
  customScripts: ['../../lib/appealdesk-ru'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'взять выбранную задачу в работу'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'перейти к первому фильтру списка'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'перейти к первой задаче списка'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'перейти к первому полю формы задачи'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'открыть окно запуска процесса'
    }
  }
};
