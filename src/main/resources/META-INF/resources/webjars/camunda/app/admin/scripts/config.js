// Appeal Desk: Admin in Russian (overrides the webjar's scripts/config.js; see docs/tasklist.md).
export default {
  app: {
    name: 'Администрирование',
    vendor: 'Appeal Desk'
  },
  locales: {
    availableLocales: ['ru'],
    fallbackLocale: 'ru'
  },
  // Russian date pickers, Camunda Forms messages, notifications (path relative to app/admin/)
  customScripts: ['../../lib/appealdesk-ru']
};
