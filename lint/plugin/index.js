'use strict';

// House rules of Appeal Desk (see docs/process-owners.md). Each rule lives in rules/<name>.js.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'readable-ids': 'error',
        'user-task-conventions': 'error',
        'no-java-class': 'error',
        'version-tag': 'error',
        'execution-platform': 'error'
      }
    }
  }
};
