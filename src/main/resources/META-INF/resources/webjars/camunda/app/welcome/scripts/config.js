// Appeal Desk: Welcome page in Russian (overrides the webjar's scripts/config.js; see docs/tasklist.md).
export default {
  app: {
    name: 'Начало',
    vendor: 'Appeal Desk'
  },
  locales: {
    availableLocales: ['ru'],
    fallbackLocale: 'ru'
  },
  customScripts: ['../../lib/appealdesk-ru']
};
